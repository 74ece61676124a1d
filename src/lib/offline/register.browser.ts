import { basePath, href, serviceWorkerPath } from '../routing/paths.ts';

/**
 * Service worker registration and the update notice. Browser-only. A waiting worker (a new deploy) is shown
 * to the participant; the page reloads only after they press "Reload", never on its own.
 */
export function registerServiceWorker(notice: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  let accepted = false;

  const offer = (worker: ServiceWorker) => {
    notice.hidden = false;
    notice.querySelector('button')?.addEventListener('click', () => {
      accepted = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    }, { once: true });
  };

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });

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
    })
    .catch(() => {
      // No service worker (e.g. insecure origin): the site works online as before.
    });
}
