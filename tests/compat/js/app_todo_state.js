// a typical script: an immutable reducer-style state store with actions, undo and derived data
const initial = { todos: [], nextId: 1, history: [] };
function reducer(state, action) {
  switch (action.type) {
    case "add":
      return { ...state, todos: [...state.todos, { id: state.nextId, text: action.text, done: false }], nextId: state.nextId + 1, history: [...state.history, state] };
    case "toggle":
      return { ...state, todos: state.todos.map((t) => (t.id === action.id ? { ...t, done: !t.done } : t)), history: [...state.history, state] };
    case "undo":
      return state.history.at(-1) ?? state;
    default:
      throw new Error(`unknown action ${action.type}`);
  }
}
let s = initial;
for (const a of [{ type: "add", text: "write tests" }, { type: "add", text: "fix bug" }, { type: "toggle", id: 1 }, { type: "add", text: "ship" }, { type: "undo" }]) s = reducer(s, a);
console.log(JSON.stringify(s.todos));
console.log(`${s.todos.filter((t) => t.done).length}/${s.todos.length} done`, s.nextId, s.history.length);
try { reducer(s, { type: "explode" }); } catch (e) { console.log(e.message); }
