/** Saves data as a file on the participant's device, without any server. */
export function downloadFile(filename: string, content: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a picked file as text; rejects files over `maxBytes` before reading them. */
export async function readFileText(file: File, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; error: 'too-large' | 'read' }> {
  if (file.size > maxBytes) return { ok: false, error: 'too-large' };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, error: 'read' };
  }
}

/** Today's date as YYYY-MM-DD, for file names. */
export const today = () => new Date().toISOString().slice(0, 10);
