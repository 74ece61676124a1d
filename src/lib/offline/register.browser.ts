import { basePath, href, serviceWorkerPath } from '../routing/paths.ts';
import { SW_MESSAGE } from './messages.ts';

/**
 * Service worker registration and the update notice. Browser-only. A waiting worker (a new deploy) is shown
 * to the participant; the page reloads only after they press "Reload", never on its own.
 *
 * Every page opened online, and every return to the network, asks the active worker to bring saved
 * modules up to date (`SW_MESSAGE.revalidate`): after an update, lessons saved under the old
 * version are fetched again the first time the device is online (see `src/sw/sw.ts`). The worker
 * does nothing when they are up to date.
 */
export function registerServiceWorker(notice: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  let accepted = false;

  const offer = (worker: ServiceWorker) => {
    notice.hidden = false;
    notice.querySelector('button')?.addEventListener('click', () => {
      accepted = true;
      worker.postMessage({ type: SW_MESSAGE.skipWaiting });
    }, { once: true });
  };

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });

  const revalidate = () => {
    if (!navigator.onLine) return;
    void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: SW_MESSAGE.revalidate }));
  };
  addEventListener('online', revalidate);

  navigator.serviceWorker
    .register(href(serviceWorkerPath()), { scope: basePath() })
    .then((registration) => {
      const track = (worker: ServiceWorker) =>
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      // The update may already be installing by the time registration resolves.
      if (registration.installing) track(registration.installing);
      registration.addEventListener('updatefound', () => {
        if (registration.installing) track(registration.installing);
      });
      revalidate();
    })
    .catch(() => {
      // No service worker (e.g. insecure origin): the site works online as before.
    });
}
