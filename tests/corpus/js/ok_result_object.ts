// Upload a file and return a result that says what went wrong, if anything.
type UploadResult = { ok: true; url: string } | { ok: false; error: string };

function put(name: string, size: number): string {
  if (size > 10_000_000) throw new Error(`413 Payload Too Large: ${name} is ${size} bytes`);
  return `https://files.example.com/${name}`;
}

function upload(name: string, size: number): UploadResult {
  try {
    return { ok: true, url: put(name, size) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

for (const [name, size] of [["notes.txt", 1200], ["video.mp4", 52_000_000]] as const) {
  const result = upload(name, size);
  console.log(name, result.ok ? result.url : `failed: ${result.error}`);
}
