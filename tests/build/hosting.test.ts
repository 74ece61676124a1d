/**
 * The server files the build writes next to the pages: `_headers` and `_nginx-csp.conf` carry
 * one Content-Security-Policy that covers every page's own policy, with no 'unsafe-inline', and
 * `_headers` puts the base path in front of its rules. Checked on the main build and on the
 * scenario builds (two other sites and a sub-path).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, listFiles } from '../support/dist.ts';
import { SCENARIOS, scenarioDir } from '../../scripts/build-scenarios.ts';
import { metaPolicy, missingFromHeader, parsePolicy } from '../../src/lib/hosting/csp.ts';

const builds: Array<{ name: string; dir: string; base: string }> = [
  { name: 'dist', dir: DIST, base: '/' },
  ...Object.entries(SCENARIOS).map(([name, env]) => ({ name, dir: scenarioDir(name), base: env.ORIENTA_BASE ?? '/' })),
];

describe.each(builds)('server files of $name', ({ dir, base }) => {
  const headers = readFileSync(join(dir, '_headers'), 'utf8');
  const nginx = readFileSync(join(dir, '_nginx-csp.conf'), 'utf8');
  const fromNginx = /^\s*default "([^"]+)";$/m.exec(nginx)?.[1] ?? '';
  const cspLines = headers.split('\n').filter((l) => /^\s+Content-Security-Policy: /.test(l));

  it('_headers and the nginx include send the same policy, short enough for Cloudflare Pages', () => {
    expect(cspLines).toHaveLength(1);
    expect(cspLines[0]!.trim()).toBe(`Content-Security-Policy: ${fromNginx}`);
    expect(cspLines[0]!.length).toBeLessThanOrEqual(2000);
    expect(nginx).toMatch(/^map \$uri \$orienta_csp \{$/m);
  });

  it("covers every page's own policy, without 'unsafe-inline'", () => {
    const policy = parsePolicy(fromNginx);
    expect(policy.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(fromNginx).not.toContain("'unsafe-inline'");
    const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const problems = pages.flatMap((page) => {
      const own = metaPolicy(readFileSync(join(dir, page), 'utf8'));
      return own === null ? [`${page}: no meta policy`] : missingFromHeader(fromNginx, own).map((m) => `${page}: ${m}`);
    });
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('_headers rules are under the base path', () => {
    const rules = headers.split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('#'));
    expect(rules).toContain(`${base}*`);
    expect(rules).toContain(`${base}_astro/*`);
    expect(rules).toContain(`${base}sw.js`);
    expect(rules.filter((r) => !r.startsWith(base))).toEqual([]);
  });
});
