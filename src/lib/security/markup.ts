/**
 * Detects markup in untrusted data (imported files). Anything that looks like an HTML tag,
 * comment or processing instruction is refused rather than escaped: a progress or survey file has
 * no reason to contain it, and refusing keeps hostile files out of storage altogether.
 */
const MARKUP = /<\s*[a-z!/?]/i;

/** True when any string in `value` (keys included, at any depth) looks like markup. */
export function containsMarkup(value: unknown, depth = 0): boolean {
  if (depth > 20) return true;
  if (typeof value === 'string') return MARKUP.test(value);
  if (Array.isArray(value)) return value.some((v) => containsMarkup(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => MARKUP.test(k) || containsMarkup(v, depth + 1));
  }
  return false;
}
