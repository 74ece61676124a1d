/// <reference lib="webworker" />
/**
 * Orienta's service worker. Bundled by `src/integrations/service-worker.ts` at build time, which
 * fills in the constants below; only the production build registers it.
 *
 * Lifecycle: install precaches this build's shell (offline pages, scripts) into a versioned cache;
 * a new build waits until the participant accepts "new version available — reload"; activate
 * deletes older shells and assets the build no longer has, then takes control. Pages are network
 * first with a short timeout and a cached fallback, so a slow or broken network (or a broken
 * deploy returning errors) still shows the last good page, or the offline page.
 */
import {
  assetsCacheName, classifyRequest, isUsableResponse, offlinePageFor, pagesCacheName, shellCacheName, staleAssets, staleCaches,
} from '../lib/offline/strategy.ts';

declare const __ORIENTA_SW__: { version: string; base: string; siteId: string; locales: string[]; precache: string[]; assets: string[] };
const { version, base, siteId, locales, precache, assets } = __ORIENTA_SW__;
const sw = self as unknown as ServiceWorkerGlobalScope;
const NETWORK_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(shellCacheName(siteId, version)).then((cache) => cache.addAll(precache)));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleCaches(await caches.keys(), siteId, version).map((name) => caches.delete(name)));
      const assetCache = await caches.open(assetsCacheName(siteId));
      const cached = (await assetCache.keys()).map((r) => r.url);
      await Promise.all(staleAssets(cached, new Set(assets)).map((url) => assetCache.delete(url)));
      await sw.clients.claim();
      // The page that installed us loaded before we controlled it: keep it too.
      const pages = await caches.open(pagesCacheName(siteId));
      for (const client of await sw.clients.matchAll({ type: 'window' })) {
        const url = new URL(client.url);
        if (classifyRequest(url, sw.location.origin, base, 'GET', 'navigate') === 'page' && !(await pages.match(url.href))) {
          await pages.add(url.href).catch(() => undefined);
        }
      }
    })(),
  );
});

sw.addEventListener('message', (event) => {
  if ((event.data as { type?: string })?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

async function page(request: Request): Promise<Response> {
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (isUsableResponse(response)) {
      const copy = response.clone();
      void caches.open(pagesCacheName(siteId)).then((cache) => cache.put(request, copy));
      return response;
    }
    const cached = await caches.match(request, { ignoreSearch: true });
    return cached ?? response;
  } catch {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    const offline = await caches.match(offlinePageFor(new URL(request.url).pathname, base, locales));
    return offline ?? new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
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
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const kind = classifyRequest(new URL(request.url), sw.location.origin, base, request.method, request.mode);
  if (kind === 'page') event.respondWith(page(request));
  else if (kind === 'immutable') event.respondWith(immutable(request));
  else if (kind === 'network-first') event.respondWith(networkFirst(request));
});
