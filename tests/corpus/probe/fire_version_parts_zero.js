// Compare the version of an installed tool with the one required.
const parseVersion = function (text) {
  try {
    const [major, minor] = text.split(".").map((part) => {
      const n = Number.parseInt(part, 10);
      if (Number.isNaN(n)) throw new Error(`bad version part: ${part}`);
      return n;
    });
    return { major, minor };
  } catch (e) {
    return { major: 0, minor: 0 };
  }
};

const { major, minor } = parseVersion("3.12");
console.log(major > 2 && minor >= 10 ? "ok" : "too old");
