/// <reference lib="webworker" />
/**
 * Orienta's service worker. Bundled by `src/integrations/service-worker.ts` at build time, which
 * fills in `__ORIENTA_SW__`; only the production build registers it. The decisions are pure
 * functions in `src/lib/offline/strategy.ts`; this file only applies them to caches.
 *
 * ## Versioning: a page and the files it loads belong together
 *
 * Each deploy is one version: a hash of every built file. Scripts, island code, fonts and images
 * are named by a hash of their content, so a build either has exactly the file a cached page
 * names, byte for byte, or does not have it at all. A cached page is therefore *compatible* with
 * the current build when every file it loads is in the build's file list (`missingFiles`), which
 * the worker carries. Only compatible pages are ever served: an offline page either works fully
 * — with this build's scripts, the outline and the stores they expect — or the reader gets the
 * offline page in the language of the address (`offlinePageFor`), which lists what does work.
 *
 * Keeping an old page together with its old scripts instead was rejected: old scripts would run
 * against the new build's course outline and the data stores its scripts may have migrated to a
 * newer version (which old code refuses to overwrite), so "works" could not be promised.
 *
 * ## Lifecycle
 *
 * 1. **install** (new version, while the old one still controls the pages): precache this
 *    version's shell — the offline page and course outline of every locale and every script —
 *    into `shell:<version>`, bypassing the HTTP cache. Nothing the old version serves is touched.
 * 2. **waiting**: the pages show "A new version is available — Reload"; the participant decides.
 *    If they never do, the new version takes over once every tab of the site is closed.
 * 3. **activate** (migration; fetches wait until it ends, so it reads only local caches):
 *    - shells of other versions are deleted;
 *    - visited pages (`pages`): keys with a query string, written by workers before query strings
 *      were ignored, are moved to their path; pages missing a file of this build are deleted; the
 *      cache is trimmed to `maxPages`;
 *    - saved modules (`saved:<locale>:<module>`): lessons missing a file of this build are deleted
 *      (the module is then incomplete, which "Save for offline" shows), and saved files this
 *      build no longer has (e.g. replaced audio) too;
 *    - files (`assets`): everything this build no longer has is deleted — no kept page needs it;
 *    - the worker takes control of open pages.
 * 4. **revalidation** (after activation, whenever a page says it is online, `SW_MESSAGE.revalidate`):
 *    each saved module is compared with this build's course outline; missing lessons (dropped
 *    above, or new in the module) are fetched and lessons the module lost are deleted
 *    (`savedModuleChanges`). If the network fails, the rest waits for the next online page. Pages
 *    are told (`SW_MESSAGE.savedUpdated`) so "Save for offline" shows the module as saved again.
 *    Visited pages are not fetched again: they were not chosen, and fetching up to `maxPages`
 *    pages on every deploy would cost a participant's mobile data; they return when next opened.
 *
 * Serving re-checks compatibility too (`cachedPage`), so a page written by the old worker after
 * the sweep (a fetch still in flight during the switch) can never be shown with missing scripts.
 *
 * ## Migrations
 *
 * Cache names are stable across versions (`strategy.ts`), except the shell, which is per version.
 * The activate step above is the migration: it accepts whatever an older worker left (query
 * string keys, old pages, old files, saved modules of an older course) and leaves only what
 * this version can serve. A new cache layout would add its step there and delete the old names.
 *
 * Pages are network first with a short timeout and a cached fallback, so a slow or broken network
 * (or a broken deploy returning errors) still shows the last good page, or the offline page.
 */
import {
  assetsCacheName, classifyRequest, isUsableResponse, missingFiles, offlinePageFor, pageCacheKey, pagesCacheName,
  pagesOverLimit, precacheList, savedModuleChanges, savedModuleOf, shellCacheName, staleCaches, staleFiles, type ServiceWorkerManifest,
} from '../lib/offline/strategy.ts';
import { SW_MESSAGE } from '../lib/offline/messages.ts';
import type { CourseOutline } from '../lib/page/outline.ts';
import { outlinePath } from '../lib/routing/paths.ts';

declare const __ORIENTA_SW__: ServiceWorkerManifest;
const { version, base, siteId, locales, maxPages } = __ORIENTA_SW__;
const files: ReadonlySet<string> = new Set(__ORIENTA_SW__.files.map((f) => base + f));
const sw = self as unknown as ServiceWorkerGlobalScope;
const NETWORK_TIMEOUT_MS = 4000;
const SHELL = shellCacheName(siteId, version);
const PAGES = pagesCacheName(siteId);

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(precacheList(__ORIENTA_SW__).map((url) => new Request(url, { cache: 'reload' })))));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleCaches(await caches.keys(), siteId, version).map((name) => caches.delete(name)));
      await migrateVisitedPages();
      await sweepSavedModules();
      const assets = await caches.open(assetsCacheName(siteId));
      const cached = (await assets.keys()).map((r) => r.url);
      await Promise.all(staleFiles(cached, files, base).map((url) => assets.delete(url)));
      await sw.clients.claim();
      // The page that installed us loaded before we controlled it: keep it too.
      const pages = await caches.open(PAGES);
      for (const client of await sw.clients.matchAll({ type: 'window' })) {
        const url = new URL(client.url);
        const key = pageCacheKey(url);
        if (classifyRequest(url, sw.location.origin, base, 'GET', 'navigate') === 'page' && !(await pages.match(key))) {
          await fetch(key).then((response) => (isUsableResponse(response) ? pages.put(key, response) : undefined)).catch(() => undefined);
        }
      }
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === SW_MESSAGE.skipWaiting) void sw.skipWaiting();
  else if (type === SW_MESSAGE.revalidate) event.waitUntil(revalidateSavedModules());
});

/** Does this cached page load only files of the current build? */
async function isCompatible(url: string, response: Response): Promise<boolean> {
  return missingFiles(await response.clone().text(), url, base, files).length === 0;
}

/** Activation: one entry per path, only compatible pages, at most `maxPages`. */
async function migrateVisitedPages(): Promise<void> {
  const cache = await caches.open(PAGES);
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (!response) continue;
    const key = pageCacheKey(request.url);
    const compatible = await isCompatible(key, response);
    if (key !== request.url) {
      await cache.delete(request);
      if (compatible && !(await cache.match(key))) await cache.put(key, response);
    } else if (!compatible) {
      await cache.delete(request);
    }
  }
  await trimVisitedPages(cache);
}

async function trimVisitedPages(cache: Cache): Promise<void> {
  const urls = (await cache.keys()).map((r) => r.url);
  await Promise.all(pagesOverLimit(urls, maxPages).map((url) => cache.delete(url)));
}

/** Activation: saved lessons that would miss a file of this build, and saved files it no longer has, go. */
async function sweepSavedModules(): Promise<void> {
  for (const name of await caches.keys()) {
    if (!savedModuleOf(name, siteId)) continue;
    const cache = await caches.open(name);
    const urls = (await cache.keys()).map((r) => r.url);
    const stale = new Set(staleFiles(urls, files, base));
    for (const url of urls) {
      const isPage = new URL(url).pathname.endsWith('/');
      const response = isPage ? await cache.match(url) : undefined;
      if (stale.has(url) || (response && !(await isCompatible(url, response)))) await cache.delete(url);
    }
  }
}

/** The course outline of a locale as this build has it, or null. */
async function outline(locale: string): Promise<CourseOutline | null> {
  const response = await caches.open(SHELL).then((cache) => cache.match(base + outlinePath(locale)));
  return response ? ((await response.json()) as CourseOutline) : null;
}

let revalidating: Promise<void> | null = null;

/** Brings every saved module in line with this build's course; one run at a time. */
function revalidateSavedModules(): Promise<void> {
  revalidating ??= updateSavedModules().finally(() => {
    revalidating = null;
  });
  return revalidating;
}

async function updateSavedModules(): Promise<void> {
  await whenActivated();
  let changed = false;
  for (const name of await caches.keys()) {
    const saved = savedModuleOf(name, siteId);
    if (!saved) continue;
    const module = (await outline(saved.locale))?.modules.find((m) => m.id === saved.moduleId);
    // A module this build no longer has keeps what still works; nothing can be fetched for it.
    if (!module) continue;
    const cache = await caches.open(name);
    const lessons = module.lessons.map((l) => new URL(l.href, sw.location.origin).href);
    const { fetch: missing, drop } = savedModuleChanges((await cache.keys()).map((r) => r.url), lessons, base);
    for (const url of drop) changed = (await cache.delete(url)) || changed;
    for (const url of missing) {
      let response: Response;
      try {
        response = await fetch(url, { cache: 'no-cache' });
      } catch {
        break; // offline again: the next online page asks once more
      }
      // A page of a deploy newer than this worker waits for that deploy's worker.
      if (!isUsableResponse(response) || !(await isCompatible(url, response))) continue;
      await cache.put(url, response);
      changed = true;
    }
  }
  if (changed) for (const client of await sw.clients.matchAll({ type: 'window' })) client.postMessage({ type: SW_MESSAGE.savedUpdated });
}

/** Resolves once this worker's activation (the sweep the revalidation builds on) has finished. */
async function whenActivated(): Promise<void> {
  const worker = sw.registration.active;
  if (worker?.state !== 'activating') return;
  await new Promise<void>((resolve) => worker.addEventListener('statechange', () => resolve(), { once: true }));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

/**
 * A page from the caches, looked up by path (`pageCacheKey`): this version's shell first, then
 * visited pages, then saved modules. A page that would miss a file of this build is deleted, not
 * served.
 */
async function cachedPage(key: string): Promise<Response | undefined> {
  const names = (await caches.keys()).filter((n) => n === SHELL || n === PAGES || savedModuleOf(n, siteId) !== null);
  names.sort((a, b) => rank(a) - rank(b));
  for (const name of names) {
    const cache = await caches.open(name);
    const response = await cache.match(key);
    if (!response) continue;
    if (await isCompatible(key, response)) return response;
    await cache.delete(key);
  }
  return undefined;
}
const rank = (name: string) => (name === SHELL ? 0 : name === PAGES ? 1 : 2);

async function page(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const key = pageCacheKey(request.url);
  const fallback = async () => (await cachedPage(key)) ?? (await caches.match(offlinePageFor(new URL(key).pathname, base, locales)));
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (isUsableResponse(response)) {
      // Only pages the participant opens count as visited; "Save for offline" keeps its own copies.
      if (request.mode === 'navigate') {
        const copy = response.clone();
        event.waitUntil(caches.open(PAGES).then(async (cache) => {
          await cache.put(key, copy);
          await trimVisitedPages(cache);
        }));
      }
      return response;
    }
    return (await cachedPage(key)) ?? response;
  } catch {
    return (await fallback()) ?? new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

async function immutable(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (isUsableResponse(response)) {
    const copy = response.clone();
    void caches.open(assetsCacheName(siteId)).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function networkFirst(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (isUsableResponse(response)) {
      const copy = response.clone();
      void caches.open(assetsCacheName(siteId)).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (error) {
    // This version's shell first: its course outline is the one its scripts expect.
    const cached = (await caches.open(SHELL).then((cache) => cache.match(request))) ?? (await caches.match(request));
    if (cached) return cached;
    throw error;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const kind = classifyRequest(new URL(request.url), sw.location.origin, base, request.method, request.mode);
  if (kind === 'page') event.respondWith(page(event));
  else if (kind === 'immutable') event.respondWith(immutable(request));
  else if (kind === 'network-first') event.respondWith(networkFirst(request));
});
