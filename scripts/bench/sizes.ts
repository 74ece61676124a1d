/**
 * Byte sizes as a client receives them: raw UTF-8 bytes and gzip at zlib's default level 6 (what
 * most static hosts and CDNs use on the fly). Brotli would be a little smaller; gzip is the floor
 * every host offers.
 */
import { gzipSync } from 'node:zlib';

export interface Size {
  /** Bytes as stored. */
  raw: number;
  /** Bytes after gzip (level 6). */
  gzip: number;
}

export const ZERO: Size = Object.freeze({ raw: 0, gzip: 0 });

/** Raw and gzipped size of one text or file. */
export function sizeOf(content: string | Uint8Array): Size {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (bytes.length === 0) return { raw: 0, gzip: 0 };
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}

/** Sum of sizes, each part gzipped on its own (as separate responses are). */
export function addSizes(...sizes: Size[]): Size {
  return sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
}

/** "12.3 KB" with 1 KB = 1024 bytes, one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** "12.3 MB" with 1 MB = 1024 × 1024 bytes, one decimal. */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
