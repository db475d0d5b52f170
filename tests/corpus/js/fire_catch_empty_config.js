// Load user settings over the defaults; a broken settings string is ignored.
const DEFAULTS = { theme: "light", fontSize: 14, autosave: true };

function loadSettings(raw) {
  const settings = { ...DEFAULTS };
  try {
    Object.assign(settings, JSON.parse(raw));
  } catch {}
  return settings;
}

const saved = '{"theme": "dark", "fontSize": 16,}';
console.log("settings:", loadSettings(saved));
