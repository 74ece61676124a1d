/**
 * The "Read beside easy Swedish" toggle (`SideBySide.astro`), loaded on first use or when the
 * reader's saved preference is on. Shows or hides the side-by-side view and saves the choice.
 */
import { deviceStore } from '../device-data/browser-store.ts';
import { preferencesStore, setPreference } from './preferences.ts';

/**
 * Wires the toggle in `box` for `article`; restores the saved choice. Returns a function that
 * toggles, for the click that loaded this module.
 */
export function enhanceSideBySide(box: HTMLElement, article: HTMLElement): () => Promise<void> {
  const options = JSON.parse(box.dataset.sideBySide!) as { textUrl: string; lang: string; dir: 'ltr' | 'rtl'; site: string; failed: string };
  const button = box.querySelector('button')!;
  const status = box.querySelector<HTMLElement>('[role=status]')!;
  const preferences = deviceStore(preferencesStore, options.site);
  const show = async (on: boolean) => {
    const view = await import('./side-by-side.browser.ts');
    if (!on) view.hideSideBySide(article);
    else if ((await view.showSideBySide({ article, ...options })) === 'failed') {
      status.textContent = options.failed;
      return false;
    }
    button.setAttribute('aria-pressed', String(on));
    status.textContent = '';
    return true;
  };
  const toggle = async () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    if (await show(on)) preferences.update((prefs) => setPreference(prefs, 'sideBySide', on));
  };
  button.addEventListener('click', () => void toggle());
  if (preferences.snapshot().value.sideBySide) void show(true);
  return toggle;
}
