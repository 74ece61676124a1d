/**
 * A short stable hash of a string (FNV-1a, 32 bits, 8 hex digits). Not for security: it names
 * things that must change when their text changes (a revision of a lesson, a recorded paragraph,
 * a kept-aside copy of damaged data).
 *
 * @example textHash('hej') // '6f8e5a4c' (for example)
 */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
