// Loads user settings from JSON an upstream service produced.
interface Settings {
  theme: string;
  retries: number;
}

const DEFAULTS: Settings = { theme: "light", retries: 3 };

function loadSettings(text: string): Settings {
  try {
    const parsed = JSON.parse(text) as Partial<Settings>;
    return { theme: parsed.theme ?? DEFAULTS.theme, retries: parsed.retries ?? DEFAULTS.retries };
  } catch {
    return { theme: "dark", retries: 0 };
  }
}

console.log(loadSettings('{"theme": "solarized"}'));
console.log(loadSettings("{theme: solarized}"));
