/**
 * Quality gates on every page of the built site: valid HTML, a Content Security Policy that
 * covers every inline script and style, and nothing loaded from another host.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { DIST, listFiles } from '../support/dist.ts';
import { moveIslandStyleToHead } from '../../src/integrations/orienta.ts';

const pages = listFiles(DIST).filter((f) => f.endsWith('.html'));
const read = (file: string) => readFileSync(join(DIST, file), 'utf8');

describe('HTML', () => {
  // The recommended rules, less three that are style, not validity: Preact writes `<input/>`,
  // phone numbers keep ordinary hyphens, and titles carry the municipality's name. Ids may hold
  // any non-space character (HTML5), so Arabic headings get Arabic ids; checkbox groups share a name.
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      'void-style': 'off',
      'tel-non-breaking': 'off',
      'long-title': 'off',
      'valid-id': ['error', { relaxed: true }],
      'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
    },
  });

  it('every page is valid', async () => {
    expect(pages.length).toBeGreaterThan(400);
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(read(file), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}: ${m.ruleId}: ${m.message}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('moves the island style into the head', () => {
    const html = '<html><head><title>x</title></head><body><p>a</p><style>astro-island,astro-slot,astro-static-slot{display:contents}</style></body></html>';
    expect(moveIslandStyleToHead(html)).toBe('<html><head><title>x</title><style>astro-island,astro-slot,astro-static-slot{display:contents}</style></head><body><p>a</p></body></html>');
  });
});

describe('Content Security Policy', () => {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it('covers every page, every inline script and style is hashed, and nothing is inline-only', () => {
    const problems: string[] = [];
    for (const file of pages) {
      const doc = parse(read(file), { comment: false });
      const meta = doc.querySelector('meta[http-equiv="content-security-policy"]');
      if (!meta) {
        problems.push(`${file}: no CSP`);
        continue;
      }
      const policy = meta.getAttribute('content')!;
      const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
      const scriptSrc = directive('script-src');
      const styleSrc = directive('style-src');
      if (/unsafe-inline/.test(scriptSrc + styleSrc)) problems.push(`${file}: unsafe-inline`);
      for (const script of doc.querySelectorAll('script:not([src])')) {
        if (script.getAttribute('type') === 'application/json') continue;
        if (!scriptSrc.includes(sha(script.rawText))) problems.push(`${file}: inline script not hashed`);
      }
      for (const style of doc.querySelectorAll('style')) {
        if (!styleSrc.includes(sha(style.rawText))) problems.push(`${file}: inline style not hashed`);
      }
      for (const el of doc.querySelectorAll('*')) {
        for (const attr of Object.keys(el.attributes)) {
          if (attr === 'style' || /^on[a-z]+$/.test(attr)) problems.push(`${file}: <${el.tagName.toLowerCase()} ${attr}> is blocked by the CSP`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('privacy', () => {
  it('no page loads a script, style, font, image or frame from another host', () => {
    const problems: string[] = [];
    for (const file of pages) {
      const doc = parse(read(file));
      for (const el of doc.querySelectorAll('script[src], link[rel=stylesheet], link[rel=preload], link[rel=icon], img[src], iframe, source[src], video, audio')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        if (/^(https?:)?\/\//.test(url)) problems.push(`${file}: ${url}`);
      }
      for (const style of doc.querySelectorAll('style')) {
        for (const match of style.rawText.matchAll(/url\(["']?((?:https?:)?\/\/[^"')]+)/g)) problems.push(`${file}: ${match[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('sets no cookies and uses no analytics', () => {
    for (const file of listFiles(DIST).filter((f) => /\.(html|js)$/.test(f))) {
      const text = readFileSync(join(DIST, file), 'utf8');
      expect(/document\.cookie|google-analytics|googletagmanager|gtag\(|matomo|plausible/.test(text), file).toBe(false);
    }
  });
});
