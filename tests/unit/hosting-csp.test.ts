import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  HEADERS_CSP_MARKER,
  formatPolicy,
  headerPolicy,
  headersFile,
  metaPolicy,
  missingFromHeader,
  nginxCspInclude,
  parsePolicy,
} from '../../src/lib/hosting/csp.ts';

const A = "'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='";
const B = "'sha256-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB='";
const C = "'sha256-CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC='";

describe('Content-Security-Policy for the server', () => {
  it('parses and writes a policy', () => {
    const policy = parsePolicy(`script-src 'self' ${A};  Style-Src 'self' ;; img-src data:;`);
    expect([...policy.keys()]).toEqual(['script-src', 'style-src', 'img-src']);
    expect(policy.get('script-src')).toEqual(["'self'", A]);
    expect(formatPolicy(policy)).toBe(`script-src 'self' ${A}; style-src 'self'; img-src data:`);
  });

  it("reads a page's meta policy, entities decoded, and null when there is none", () => {
    expect(metaPolicy(`<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="script-src &#39;self&#39; ${A};"></head>`)).toBe(`script-src 'self' ${A};`);
    expect(metaPolicy(`<meta content="style-src 'self'" http-equiv="Content-Security-Policy">`)).toBe("style-src 'self'");
    expect(metaPolicy('<meta name="viewport" content="width=device-width">')).toBeNull();
  });

  it("joins every page's script and style hashes, without 'unsafe-inline', and adds what the header alone can say", () => {
    const policy = headerPolicy([
      { page: 'sv/index.html', policy: `script-src 'self' ${B} ${A}; style-src 'self' ${C};` },
      { page: 'en/index.html', policy: `script-src 'self' ${A} ${B}; style-src 'self' ${A};` },
    ]);
    const parsed = parsePolicy(policy);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('script-src')).toEqual(["'self'", A, B, "'wasm-unsafe-eval'"]);
    expect(parsed.get('style-src')).toEqual(["'self'", A, C]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
    expect(parsed.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy).not.toContain('unsafe-inline');
    expect(missingFromHeader(policy, `script-src 'self' ${A} ${B}; style-src 'self' ${C}`)).toEqual([]);
  });

  it("refuses a page whose own policy allows 'unsafe-inline' or another origin", () => {
    expect(() => headerPolicy([{ page: 'a.html', policy: "script-src 'self' 'unsafe-inline'" }])).toThrow(/a\.html.*'unsafe-inline' in script-src/);
    expect(() => headerPolicy([{ page: 'b.html', policy: "style-src 'self' https://cdn.example" }])).toThrow(/b\.html.*https:\/\/cdn\.example in style-src/);
  });

  it('names the hashes a page needs and the header lacks, falling back to default-src as browsers do', () => {
    expect(missingFromHeader(`script-src 'self' ${A}; style-src 'self'`, `script-src 'self' ${A} ${B}; style-src ${C}`)).toEqual([`script-src ${B}`, `style-src ${C}`]);
    expect(missingFromHeader(`default-src 'self' ${C}`, `style-src ${C}; script-src ${A}`)).toEqual([`script-src ${A}`]);
  });

  it('writes the nginx include as a map for $orienta_csp, and refuses what would break its quoting', () => {
    const include = nginxCspInclude(`default-src 'self'; script-src 'self' ${A}`);
    expect(include).toContain('map $uri $orienta_csp {\n');
    expect(include).toContain(`    default "default-src 'self'; script-src 'self' ${A}";\n}`);
    expect(() => nginxCspInclude('default-src "self"')).toThrow();
    expect(() => nginxCspInclude('default-src $self')).toThrow();
  });

  it('writes _headers from the template: the policy in place of the marker, the base in front of every path rule', () => {
    const template = readFileSync('hosting/_headers', 'utf8');
    expect(template).toContain(HEADERS_CSP_MARKER);
    const file = headersFile(template, { base: '/kommun/so/', policy: "default-src 'self'" });
    expect(file).toContain("\n/kommun/so/*\n  Content-Security-Policy: default-src 'self'\n");
    expect(file).toContain('\n/kommun/so/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(file).toContain('\n/kommun/so/sw.js\n  Cache-Control: no-cache\n');
    expect(file).not.toContain(HEADERS_CSP_MARKER);
    const rules = file.split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('#'));
    expect(rules.length).toBeGreaterThan(3);
    expect(rules.every((r) => r.startsWith('/kommun/so/'))).toBe(true);
    expect(headersFile(template, { base: '/', policy: "default-src 'self'" })).toContain("\n/*\n  Content-Security-Policy: default-src 'self'\n");
    expect(() => headersFile('/*\n  X-A: b\n', { base: '/', policy: '' })).toThrow(/marker/);
  });
});
