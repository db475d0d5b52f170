// The command word of a chat message (exported for the bot's router).
export function commandOf(text) {
  try {
    return text.trim().split(/\s+/)[0].toLowerCase();
  } catch (e) {
    return "";
  }
}

console.log(commandOf("  Deploy now please"));
