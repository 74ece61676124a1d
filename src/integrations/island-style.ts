/** Astro's island style, and where it belongs. Pure: used by the page middleware. */

/** Astro writes its island style into the body where the first island is; HTML only permits it in head. */
const ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

/** Moves Astro's island style from the body into the head, so every page is valid HTML. Pure. */
export function moveIslandStyleToHead(html: string): string {
  const at = html.indexOf(ISLAND_STYLE);
  const head = html.indexOf('</head>');
  if (at === -1 || head === -1 || at < head) return html;
  const without = html.slice(0, at) + html.slice(at + ISLAND_STYLE.length);
  return without.replace('</head>', `${ISLAND_STYLE}</head>`);
}
