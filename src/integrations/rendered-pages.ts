/**
 * Each page's HTML as the build renders it, for build steps that would otherwise read every
 * written file back: a middleware (`astro/rendered-pages-middleware.ts`, registered by the Orienta
 * integration) passes each rendered HTML page to the listeners here, before Astro writes it.
 *
 * The middleware runs inside Astro's bundled page code and the listeners in the integrations, in
 * the same Node process but in two copies of this module, so they meet on a global. Outside
 * `astro build` no listener is registered and pages pass through untouched (apart from
 * `transformPage`).
 */
import { moveIslandStyleToHead } from './island-style.ts';
import { ownPagePolicy } from '../lib/hosting/csp.ts';

/** A built page: its path relative to the site root (`sv/forsorja-sig/a-kassa/`), and its HTML. */
export interface RenderedPage {
  path: string;
  html: string;
}

/** Called for each page; may return a promise to slow rendering down (back-pressure). */
export type RenderedPageListener = (page: RenderedPage) => void | Promise<void>;

const KEY = Symbol.for('orienta.renderedPages');
type Registry = { listeners: Set<RenderedPageListener> };
const registry = ((globalThis as Record<symbol, Registry | undefined>)[KEY] ??= { listeners: new Set() });

/** Registers a listener for the pages rendered from now on; returns a function that removes it. */
export function onRenderedPage(listener: RenderedPageListener): () => void {
  registry.listeners.add(listener);
  return () => registry.listeners.delete(listener);
}

/** Whether anyone listens (only during `astro build`). */
export function hasListeners(): boolean {
  return registry.listeners.size > 0;
}

/** Hands a rendered page to every listener; resolves when all of them have taken it. */
export async function renderedPage(page: RenderedPage): Promise<void> {
  await Promise.all([...registry.listeners].map((listener) => listener(page)));
}

/**
 * The HTML every page is written with: Astro's island style moved into the head, and a meta
 * Content-Security-Policy that names only the page's own inline scripts and styles. Pure; done
 * here rather than by rewriting every file after the build.
 */
export function transformPage(html: string): string {
  return ownPagePolicy(moveIslandStyleToHead(html));
}

/**
 * The page's path relative to the site root, as its file is named without `index.html`, from the
 * URL path Astro renders it at.
 *
 * @example pagePath('/kommun/so/sv/a/', '/kommun/so/') // 'sv/a/'
 */
export function pagePath(pathname: string, base: string): string {
  const cleanBase = base.endsWith('/') ? base : `${base}/`;
  const inside = pathname.startsWith(cleanBase) ? pathname.slice(cleanBase.length) : pathname.replace(/^\/+/, '');
  return inside === '' || inside.endsWith('/') || inside.endsWith('.html') ? inside : `${inside}/`;
}
