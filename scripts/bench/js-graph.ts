/**
 * The JavaScript a page loads without any interaction: its module scripts and island bundles plus
 * everything they import statically. Dynamic `import()` (search on click, optional signals) is
 * listed apart as on-demand code and not counted in the page's JS.
 */

/** Static `import … from "x"`, `import "x"` and `export … from "x"` specifiers in bundled code. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  // After start, `;`, `}` or a newline: import/export, optional clause, then a quoted specifier.
  const re = /(?:^|[;}\n\r])\s*(?:import|export)\s*(?:[\w$\s{},*]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
  for (const m of code.matchAll(re)) found.add(m[2]!);
  return [...found];
}

/** `import("x")` and ``import(`x`)`` specifiers with a constant string. */
export function dynamicImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\bimport\(\s*(["'`])([^"'`$]+)\1\s*\)/g)) found.add(m[2]!);
  return [...found];
}

/** Resolves a specifier against the importing module's URL path (`/_astro/a.js` + `./b.js`). */
export function resolveSpecifier(from: string, specifier: string): string | null {
  if (/^(https?:)?\/\//.test(specifier)) return specifier;
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null; // bare: not in a built site
  return new URL(specifier, new URL(from, 'http://x')).pathname;
}

export interface ModuleGraph {
  /** Every module URL loaded at first load, entries first, each once. */
  modules: string[];
  /** Modules only reachable through dynamic import(), not counted as page JS. */
  onDemand: string[];
  /** URLs that could not be read. */
  missing: string[];
}

/**
 * Walks static imports from the entry URLs. `read` returns a module's code by URL path, or null.
 * `baseUrl` is the page URL for relative entries.
 */
export function collectModuleGraph(entries: string[], read: (url: string) => string | null, baseUrl = '/'): ModuleGraph {
  const modules: string[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const dynamic = new Set<string>();
  const queue = entries.map((e) => resolveSpecifier(baseUrl, e)).filter((e): e is string => e !== null);
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = read(url);
    if (code === null) {
      missing.push(url);
      continue;
    }
    modules.push(url);
    for (const spec of staticImports(code)) {
      const target = resolveSpecifier(url, spec);
      if (target && !seen.has(target)) queue.push(target);
    }
    for (const spec of dynamicImports(code)) {
      const target = resolveSpecifier(url, spec);
      if (target) dynamic.add(target);
    }
  }
  // Follow on-demand modules' own static imports, for the record.
  const onDemand: string[] = [];
  const dq = [...dynamic].filter((u) => !seen.has(u));
  const dseen = new Set(seen);
  while (dq.length) {
    const url = dq.shift()!;
    if (dseen.has(url)) continue;
    dseen.add(url);
    const code = read(url);
    if (code === null) continue;
    onDemand.push(url);
    for (const spec of [...staticImports(code), ...dynamicImports(code)]) {
      const target = resolveSpecifier(url, spec);
      if (target && !dseen.has(target)) dq.push(target);
    }
  }
  return { modules, onDemand, missing };
}
