// Loads settings; text that is no JSON gets the defaults, through a helper,
// a spread of the module's defaults, or a copy made by Object.assign.
const DEFAULTS = { theme: "light", pageSize: 20 };

function defaultSettings() {
  return { theme: "light", pageSize: 20 };
}

function loadSettings(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return defaultSettings();
  }
}

function loadOverrides(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { ...DEFAULTS, source: "defaults" };
  }
}

function loadProfile(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return Object.assign({}, DEFAULTS);
  }
}

const fallbackSettings = () => DEFAULTS;

function loadTheme(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return fallbackSettings();
  }
}

function loadCopy(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return structuredClone(DEFAULTS);
  }
}

console.log(loadSettings("{broken"), loadOverrides("nope"), loadProfile("?"));
console.log(loadTheme("{"), loadCopy("}"));
