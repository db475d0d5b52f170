// a typical script: a small EventEmitter with on/once/off/emit and error events
class Emitter {
  #handlers = new Map();
  on(evt, fn) { (this.#handlers.get(evt) ?? this.#handlers.set(evt, []).get(evt)).push(fn); return this; }
  once(evt, fn) { const w = (...a) => { this.off(evt, w); fn(...a); }; return this.on(evt, w); }
  off(evt, fn) { this.#handlers.set(evt, (this.#handlers.get(evt) ?? []).filter((h) => h !== fn)); return this; }
  emit(evt, ...args) {
    const hs = [...(this.#handlers.get(evt) ?? [])];
    if (evt === "error" && hs.length === 0) throw args[0];
    hs.forEach((h) => h(...args));
    return hs.length > 0;
  }
}
const e = new Emitter();
const log = [];
e.on("data", (x) => log.push(`a:${x}`)).once("data", (x) => log.push(`once:${x}`));
e.emit("data", 1);
e.emit("data", 2);
console.log(log.join(" "), e.emit("nothing"));
e.on("error", (err) => console.log("handled", err.message));
e.emit("error", new Error("boom"));
const bare = new Emitter();
try { bare.emit("error", new Error("unhandled")); } catch (err) { console.log("thrown", err.message); }
