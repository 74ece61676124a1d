/**
 * Which web fonts a page downloads at first load, and whether they can block the first render.
 *
 * A browser fetches an `@font-face` file only when an element styled with that family contains a
 * character inside the face's `unicode-range`. We approximate that: for each CSS rule whose
 * `font-family` names a web font, find the elements it matches in the page (`:root` read as
 * `html`, pseudo-classes and pseudo-elements stripped) and test their text against each face's
 * range. Weight and style are not matched: bold headings make both weights likely.
 */
import type { HTMLElement } from 'node-html-parser';
import { visibleText } from './html.ts';

export interface FontFace {
  family: string;
  weight: string;
  style: string;
  /** `font-display` value, '' when not set (the browser default `auto` blocks text up to 3 s). */
  display: string;
  /** First `url()` in `src`. */
  url: string;
  /** Parsed `unicode-range`; null when the face has none (it covers every character). */
  ranges: [number, number][] | null;
}

export interface FamilyRule {
  selector: string;
  families: string[];
}

/** Removes `/* … *\/` comments. */
function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(['"]).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/** Splits a comma list at top level (not inside parentheses or quotes). */
export function splitTopLevel(list: string, separator = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const ch of list) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === separator && depth === 0) {
      out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Parses one `unicode-range` value: `U+0600-06FF, U+6??, U+200C`. */
export function parseUnicodeRange(value: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of value.split(',')) {
    const m = /^\s*u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!m) continue;
    if (m[1]!.includes('?')) {
      ranges.push([parseInt(m[1]!.replace(/\?/g, '0'), 16), parseInt(m[1]!.replace(/\?/g, 'f'), 16)]);
    } else {
      const start = parseInt(m[1]!, 16);
      ranges.push([start, m[2] ? parseInt(m[2], 16) : start]);
    }
  }
  return ranges;
}

/** Declarations of one block as a map of lower-case property → value (the last one wins). */
function declarations(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const decl of splitTopLevel(block, ';')) {
    const colon = decl.indexOf(':');
    if (colon > 0) map.set(decl.slice(0, colon).trim().toLowerCase(), decl.slice(colon + 1).trim().replace(/\s*!important$/i, ''));
  }
  return map;
}

/**
 * Walks the style rules of a stylesheet, descending into `@media`/`@supports`/`@layer` blocks
 * (print-only media excluded). Calls `visit` with the prelude (selector or at-rule) and block body.
 */
function walkRules(css: string, visit: (prelude: string, body: string) => void): void {
  const text = stripComments(css);
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    // Find the matching close brace.
    let depth = 1;
    let j = open + 1;
    let quote = '';
    for (; j < text.length && depth > 0; j++) {
      const ch = text[j];
      if (quote) {
        if (ch === quote && text[j - 1] !== '\\') quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    const body = text.slice(open + 1, j - 1);
    const statementEnd = prelude.lastIndexOf(';');
    const cleanPrelude = statementEnd >= 0 ? prelude.slice(statementEnd + 1).trim() : prelude;
    if (/^@(media|supports|layer|container)\b/i.test(cleanPrelude)) {
      if (!/^@media\s+print\b/i.test(cleanPrelude)) walkRules(body, visit);
    } else visit(cleanPrelude, body);
    i = j;
  }
}

/**
 * Every `@font-face` in a stylesheet that downloads a file. Faces whose `src` has only `local()`
 * fonts (metric-matched fallbacks) download nothing and are left out.
 */
export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  walkRules(css, (prelude, body) => {
    if (prelude.toLowerCase() !== '@font-face') return;
    const d = declarations(body);
    const src = d.get('src') ?? '';
    const url = /url\(\s*(['"]?)([^'")]+)\1\s*\)/.exec(src)?.[2] ?? '';
    if (!url) return;
    const range = d.get('unicode-range');
    faces.push({
      family: unquote(d.get('font-family') ?? ''),
      weight: d.get('font-weight') ?? '400',
      style: d.get('font-style') ?? 'normal',
      display: (d.get('font-display') ?? '').toLowerCase(),
      url,
      ranges: range ? parseUnicodeRange(range) : null,
    });
  });
  return faces;
}

/** Style rules that set `font-family` (or the `font` shorthand), with the families named. */
export function parseFamilyRules(css: string): FamilyRule[] {
  const rules: FamilyRule[] = [];
  walkRules(css, (prelude, body) => {
    if (prelude.startsWith('@')) return;
    const d = declarations(body);
    let value = d.get('font-family');
    if (value === undefined && d.has('font')) {
      // `font: 700 1rem/1.2 "Family", sans-serif`: the families follow the size.
      const font = d.get('font')!;
      const m = /\d[\w.%]*(?:\/[\w.%]+)?\s+(.+)$/.exec(font);
      value = m?.[1];
    }
    if (value === undefined) return;
    rules.push({ selector: prelude, families: splitTopLevel(value).map(unquote) });
  });
  return rules;
}

/** Whether any character of `text` falls inside one of the ranges. */
export function textHitsRanges(text: string, ranges: [number, number][] | null): boolean {
  if (ranges === null) return text.trim().length > 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20) continue;
    for (const [start, end] of ranges) if (cp >= start && cp <= end) return true;
  }
  return false;
}

/** A selector as node-html-parser can run it: `:root` → `html` (`html:root` → `html`), pseudo-classes and -elements dropped. */
export function queryableSelector(selector: string): string {
  return selector
    .replace(/(^|[\s>+~(]):root\b/g, '$1html')
    .replace(/:root\b/g, '')
    .replace(/::?(before|after|first-line|first-letter|marker|placeholder|selection|backdrop|-webkit-[\w-]+|-moz-[\w-]+)\b/gi, '')
    .replace(/:(hover|focus|focus-visible|focus-within|active|visited|link|target|checked|disabled|enabled|first-child|last-child|only-child|empty)\b/gi, '')
    .trim();
}

export interface PageFont extends FontFace {
  /** Why we think the page downloads it. */
  usedBy: string;
}

/**
 * The faces the page downloads at first load: faces of a family named by a rule that matches some
 * element whose text hits the face's range. A selector we cannot evaluate counts as matching the
 * whole body (so a font is never missed).
 */
export function fontsForPage(root: HTMLElement, faces: FontFace[], rules: FamilyRule[]): PageFont[] {
  const webFamilies = new Set(faces.map((f) => f.family.toLowerCase()));
  const used: PageFont[] = [];
  const seen = new Set<FontFace>();
  for (const rule of rules) {
    const families = rule.families.filter((f) => webFamilies.has(f.toLowerCase()));
    if (families.length === 0) continue;
    let text: string;
    for (const selector of splitTopLevel(rule.selector)) {
      const query = queryableSelector(selector) || 'html';
      try {
        const matched = root.querySelectorAll(query);
        text = matched.map((el) => (el.tagName?.toLowerCase() === 'html' ? visibleText(root) : visibleText(el))).join(' ');
      } catch {
        text = visibleText(root);
      }
      for (const face of faces) {
        // A face with only local() sources (a metric-matched fallback) downloads nothing.
        if (!face.url || seen.has(face) || !families.some((f) => f.toLowerCase() === face.family.toLowerCase())) continue;
        if (textHitsRanges(text, face.ranges)) {
          seen.add(face);
          used.push({ ...face, usedBy: selector });
        }
      }
    }
  }
  return used;
}

/** `font-display` values that never hide text while the font loads: `swap` (0 s block) and `optional`. */
export const NON_BLOCKING_DISPLAY = new Set(['swap', 'optional']);
