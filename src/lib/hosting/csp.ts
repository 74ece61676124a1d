/**
 * The Content-Security-Policy a web server sends as a header, derived from the policies the build
 * writes into every page's `<meta http-equiv="content-security-policy">`.
 *
 * Why a header at all, when every page has its own policy: a meta policy cannot set
 * `frame-ancestors`, does not cover workers loaded from a URL (Pagefind's search worker gets only
 * its response's header), and only applies from the point in the document where it appears. The
 * header must not be weaker than the pages' own policy, so it carries the same inline-script and
 * inline-style hashes instead of `'unsafe-inline'`.
 *
 * Why one policy for the whole site instead of one per page: Astro's inline scripts (the island
 * runtime and its directive loaders) are the same on every page, so every page has the same
 * `script-src`; only `style-src` varies between page kinds, and only among the site's own inline
 * stylesheets. One policy fits every host: Cloudflare Pages allows at most 100 `_headers` rules,
 * far fewer than a site's pages, and an nginx `map` per page would grow with every lesson.
 */

/** A parsed policy: directive name to its source list, in order. */
export type Policy = Map<string, string[]>;

/**
 * The directives of the header besides the pages' hashes. `'wasm-unsafe-eval'` lets Pagefind's
 * worker compile its WebAssembly (the worker gets only the header's policy); `blob:` workers are
 * Pagefind's fallback; `data:` images are the inlined logo; `frame-ancestors` works only in a header.
 */
export const HEADER_BASE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['worker-src', ["'self'", 'blob:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'none'"]],
];

/** Sources the header adds to `script-src` after the hashes. */
const SCRIPT_EXTRA = ["'wasm-unsafe-eval'"];

/** The directives whose hashes are taken from the pages. */
const HASHED = ['script-src', 'style-src'] as const;

const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/** Parses a policy string (`a b; c d`) into directives; names are lower-cased, empty parts dropped. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Writes a policy on one line, as a header value. */
export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

const ENTITIES: Record<string, string> = { '&#39;': "'", '&#x27;': "'", '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** The content of a page's CSP meta tag, or null when the page has none. */
export function metaPolicy(html: string): string | null {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?content-security-policy\b/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (!content) return null;
    return (content[1] ?? content[2] ?? '').replace(/&#39;|&#x27;|&quot;|&amp;|&lt;|&gt;/g, (e) => ENTITIES[e]!);
  }
  return null;
}

/**
 * The header policy for a site whose pages carry the given meta policies: the fixed directives
 * above, with every hash any page allows in `script-src` and `style-src`. Throws when a page's own
 * policy allows anything but `'self'` and hashes there (`'unsafe-inline'`, another origin): the
 * header would have to allow it too, and the site promises neither.
 */
export function headerPolicy(pagePolicies: Iterable<{ page: string; policy: string }>): string {
  const hashes = new Map<string, Set<string>>(HASHED.map((d) => [d, new Set<string>()]));
  for (const { page, policy } of pagePolicies) {
    const parsed = parsePolicy(policy);
    for (const directive of HASHED) {
      for (const source of parsed.get(directive) ?? []) {
        if (source === "'self'") continue;
        if (!HASH.test(source)) {
          throw new Error(`${page}: its Content-Security-Policy allows ${source} in ${directive}; the header policy allows only 'self' and hashes there`);
        }
        hashes.get(directive)!.add(source);
      }
    }
  }
  const header: Policy = new Map(HEADER_BASE.map(([name, sources]) => [name, [...sources]]));
  for (const directive of HASHED) header.get(directive)!.push(...[...hashes.get(directive)!].sort());
  header.get('script-src')!.push(...SCRIPT_EXTRA);
  return formatPolicy(header);
}

/**
 * What is missing from `header` for a page with the policy `page`: the hashes of `script-src` and
 * `style-src` the page allows and the header does not (as `directive source`). A browser enforces
 * both policies, so each of these blocks an inline script or style the page needs.
 */
export function missingFromHeader(header: string, page: string): string[] {
  const h = parsePolicy(header);
  const p = parsePolicy(page);
  return HASHED.flatMap((directive) => {
    const allowed = new Set(h.get(directive) ?? h.get('default-src') ?? []);
    return (p.get(directive) ?? []).filter((s) => HASH.test(s) && !allowed.has(s)).map((s) => `${directive} ${s}`);
  });
}

/** The nginx include the build writes: defines `$orienta_csp`, which `hosting/nginx.conf` sends. */
export function nginxCspInclude(policy: string): string {
  if (/["\\$\n]/.test(policy)) throw new Error('a Content-Security-Policy with ", \\, $ or a line break cannot be written into nginx');
  return [
    '# Written by the Orienta build: the Content-Security-Policy header for exactly this build.',
    '# hosting/nginx.conf includes it (read inside http { }). It changes when the site\'s inline',
    '# scripts or styles change, so install it with every deploy and reload nginx (docs/hosting.md).',
    'map $uri $orienta_csp {',
    `    default "${policy}";`,
    '}',
    '',
  ].join('\n');
}

/** The marker in `hosting/_headers` that the build replaces with the policy. */
export const HEADERS_CSP_MARKER = '{{content-security-policy}}';

/**
 * The `_headers` file for Netlify and Cloudflare Pages, from the template `hosting/_headers`: the
 * policy in place of the marker, and `base` in front of every path rule (they match from the
 * domain's root). Comment lines and header lines are kept as they are.
 */
export function headersFile(template: string, options: { base: string; policy: string }): string {
  if (!template.includes(HEADERS_CSP_MARKER)) throw new Error(`hosting/_headers has no ${HEADERS_CSP_MARKER} marker`);
  const prefix = options.base.replace(/\/$/, '');
  const body = template
    .split('\n')
    .map((line) => (line.startsWith('/') ? `${prefix}${line}` : line))
    .join('\n')
    .replace(HEADERS_CSP_MARKER, options.policy);
  return `# Written by the Orienta build from hosting/_headers for the base path ${options.base}. Edit the template, not this file.\n${body}`;
}
