// Look up a user's avatar URL; fall back to nothing when the lookup fails.
const users = new Map([["ada", { avatar: "https://cdn.example.com/ada.png" }]]);

function lookup(name) {
  return users.has(name)
    ? Promise.resolve(users.get(name))
    : Promise.reject(new Error(`user not found: ${name}`));
}

function avatarUrl(name) {
  return lookup(name).then(
    (user) => user.avatar,
    () => null,
  );
}

avatarUrl("grace").then((url) => console.log("avatar:", url));
