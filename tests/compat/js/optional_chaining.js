// optional chaining, nullish coalescing and logical assignment operators
const user = { profile: { name: "Ann", tags: ["a"] }, greet() { return "hi"; } };
console.log(user.profile?.name, user.settings?.theme, user.profile?.tags?.[0], user.missing?.[0], user.greet?.(), user.nope?.());
console.log(null ?? "default", 0 ?? "default", "" ?? "default", 0 || "default", false ?? true, undefined ?? null);
const opts = { retries: 0, name: "" };
opts.retries ??= 3;
opts.timeout ??= 1000;
opts.name ||= "anonymous";
opts.verbose &&= "never set";
opts.retries &&= opts.retries + 1;
console.log(JSON.stringify(opts));
const deep = { a: null };
console.log(deep.a?.b.c.d, deep?.a ?? "fallback", typeof deep.z?.(), (deep.a?.b)?.c);
