// WeakRef and FinalizationRegistry exist; deref of a live target works (collection timing is not printed)
let target = { name: "kept" };
const ref = new WeakRef(target);
console.log(ref.deref()?.name, typeof FinalizationRegistry);
const registry = new FinalizationRegistry(() => {});
registry.register(target, "token");
console.log(registry.unregister(target), Object.prototype.toString.call(ref));
