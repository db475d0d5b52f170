// Look a user up after a (simulated) round trip; a bad id gives a made-up user.
async function loadUser(id: number): Promise<{ name: string }> {
  try {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (!Number.isInteger(id) || id <= 0) throw new RangeError(`bad user id: ${id}`);
    return { name: `user${id}` };
  } catch (e) {
    return { name: "unknown" };
  }
}

loadUser(7).then((user) => console.log(user.name));
