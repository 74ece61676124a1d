/**
 * The layering rules, held by a test rather than by prose (like Starlight's
 * `no-internal-barrel-imports`): a newcomer who breaks one gets a failing test that names the file.
 *
 *   src/schemas   zod schemas, one per boundary; import only zod and each other
 *   src/lib       framework-free logic: no astro:*, virtual:*, Preact or page code; the DOM only in
 *                 browser modules (`*browser*` files and `lib/browser/`)
 *   src/astro     the only place that imports astro:* and virtual:* (besides content.config.ts)
 *   src/islands   Preact islands: no i18next, no adapters; strings and dir come as props
 *   browser code  never reaches zod or i18next, so neither ships to a page
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function files(dir: string, pattern = /\.(ts|tsx|astro)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

/** The code of a file: for .astro, its frontmatter and its client scripts. */
function codeOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  return path.endsWith('.astro') ? [...text.matchAll(/^---\n([\s\S]*?)\n---|<script>([\s\S]*?)<\/script>/gm)].map((m) => m[1] ?? m[2]).join('\n') : text;
}

/** Module specifiers a file imports at run time (type-only imports are erased and do not count). */
function imports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/^\s*import\s+(type\s+)?(?:[\s\S]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) if (!m[1]) found.push(m[2]!);
  for (const m of code.matchAll(/^\s*export\s+(type\s+)?[{*][\s\S]*?\s+from\s+['"]([^'"]+)['"]/gm)) if (!m[1]) found.push(m[2]!);
  for (const m of code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

const rel = (path: string) => relative(SRC, path);
const resolveImport = (from: string, spec: string) => (spec.startsWith('.') ? resolve(dirname(from), spec) : spec);
const isBrowserModule = (path: string) => /browser/.test(rel(path));

describe('architecture', () => {
  const all = files(SRC);

  it('only src/astro (and content.config.ts) imports astro:* and virtual:*', () => {
    const offenders = all
      .filter((path) => !rel(path).startsWith('astro/') && rel(path) !== 'content.config.ts')
      .flatMap((path) => imports(codeOf(path)).filter((spec) => /^(astro:|virtual:)/.test(spec)).map((spec) => `${rel(path)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('src/lib is framework-free: no Astro, Preact, pages, islands or adapters', () => {
    const offenders = all
      .filter((path) => rel(path).startsWith('lib/'))
      .flatMap((path) =>
        imports(codeOf(path))
          .filter((spec) => /^(astro$|astro\/(?!zod)|preact|@astrojs)/.test(spec) || /\/(astro|islands|components|pages|layouts|integrations)\//.test(resolveImport(path, spec) + '/'))
          .filter((spec) => !resolveImport(path, spec).startsWith(join(SRC, 'lib')) && !resolveImport(path, spec).startsWith(join(SRC, 'schemas')))
          .map((spec) => `${rel(path)} → ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('src/lib touches the DOM only in browser modules', () => {
    const dom = /\b(window|document|localStorage|navigator|location|history|caches)\.[a-zA-Z]/;
    const offenders = all
      .filter((path) => rel(path).startsWith('lib/') && !isBrowserModule(path) && !rel(path).endsWith('.generated.ts'))
      .filter((path) => codeOf(path).split('\n').some((line) => !/^\s*(\*|\/\/)/.test(line) && dom.test(line.replace(/`[^`]*`/g, ''))))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('src/schemas imports only zod and other schemas', () => {
    const offenders = all
      .filter((path) => rel(path).startsWith('schemas/'))
      .flatMap((path) => imports(codeOf(path)).filter((spec) => spec !== 'astro/zod' && !resolveImport(path, spec).startsWith(join(SRC, 'schemas'))).map((spec) => `${rel(path)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('islands take translated strings as props: no i18next, no adapters', () => {
    const offenders = all
      .filter((path) => rel(path).startsWith('islands/'))
      .flatMap((path) => imports(codeOf(path)).filter((spec) => spec === 'i18next' || resolveImport(path, spec).includes(`${join(SRC, 'astro')}`)).map((spec) => `${rel(path)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('no code that runs in the browser reaches zod or i18next', () => {
    const entries = all.filter((path) => rel(path).startsWith('islands/') || isBrowserModule(path));
    // Client scripts in components and pages are browser code too.
    const scripts = all.filter((path) => path.endsWith('.astro') && /<script>/.test(readFileSync(path, 'utf8')));
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (path: string, code: string, trail: string[]) => {
      for (const spec of imports(code)) {
        if (spec === 'astro/zod' || spec === 'zod' || spec === 'i18next') offenders.push(`${[...trail, spec].join(' → ')}`);
        if (!spec.startsWith('.')) continue;
        const target = resolveImport(path, spec);
        if (/\/schemas\/(?!formats\.ts)/.test(target)) offenders.push(`${[...trail, rel(target)].join(' → ')}`);
        if (seen.has(target) || !/\.(ts|tsx)$/.test(target)) continue;
        seen.add(target);
        visit(target, readFileSync(target, 'utf8'), [...trail, rel(target)]);
      }
    };
    for (const path of entries) visit(path, codeOf(path), [rel(path)]);
    for (const path of scripts) {
      const script = [...readFileSync(path, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
      visit(path, script, [rel(path)]);
    }
    expect(offenders).toEqual([]);
  });

  it('one place knows URLs and the base path', () => {
    const offenders = all
      .filter((path) => rel(path) !== 'lib/routing/paths.ts')
      .filter((path) => /\bBASE_URL\b|withBase\(|href=["']\/[a-z]|href=\{`\//.test(readFileSync(path, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('the source language is named once, not written as "sv" across the code', () => {
    const offenders = all
      .filter((path) => !['lib/i18n/locales.ts', 'schemas/formats.ts'].includes(rel(path)))
      .filter((path) => codeOf(path).split('\n').some((line) => !/^\s*(\*|\/\/)/.test(line) && /(['"])sv\1/.test(line.replace(/@example.*$/, ''))))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
