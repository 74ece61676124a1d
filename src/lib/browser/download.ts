/**
 * Files in and out of the browser, without any server. Browser-only.
 */
import type { FileError } from '../device-data/errors.ts';

/** Saves data as a file on the participant's device (the browser's downloads). */
export function downloadFile(filename: string, content: string | Blob, type = 'application/json'): void {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a picked file as text; refuses files over `maxBytes` before reading them. */
export async function readFileText(file: File, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; error: Extract<FileError, 'file-too-large' | 'file-unreadable'> }> {
  if (file.size > maxBytes) return { ok: false, error: 'file-too-large' };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, error: 'file-unreadable' };
  }
}
