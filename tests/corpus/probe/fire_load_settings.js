// Read the settings saved as JSON; unreadable text gives empty settings.
function loadSettings(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return {};
  }
}

console.log(loadSettings('{"theme": "dark"}').theme);
