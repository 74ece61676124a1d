/**
 * "Save for offline" on a module page: fetches every lesson of the module in the current locale
 * into its own cache, shows progress and size, and can be undone. The service worker serves
 * these pages when there is no network. After a site update the worker removes saved lessons
 * that the new version's scripts do not fit and fetches them again when online; meanwhile the
 * module shows as outdated, and saving again brings it up to date at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { format } from './format.ts';
import { formatSize } from '../lib/offline/strategy.ts';

export const SAVE_OFFLINE_KEYS = ['offline.save', 'offline.hint', 'offline.saving', 'offline.saved', 'offline.outdated', 'offline.remove', 'offline.removed', 'offline.failed', 'offline.unsupported', 'offline.includeAudio'] as const;

interface Props {
  cacheName: string;
  urls: string[];
  /** The recorded audio of these lessons, offered as an option with its size: never saved unasked. */
  audio?: { urls: string[]; bytes: number } | undefined;
  /** BCP-47 tag for formatting the size. */
  lang: string;
  strings: Record<(typeof SAVE_OFFLINE_KEYS)[number], string>;
}

type State =
  | { kind: 'unknown' }
  | { kind: 'unsupported' }
  | { kind: 'idle'; message?: string; error?: boolean }
  | { kind: 'saving'; done: number }
  /** Saved, but some lessons were removed by an update and wait to be fetched again. */
  | { kind: 'outdated' }
  | { kind: 'saved'; count: number; bytes: number };

async function cachedSize(cache: Cache, urls: string[]): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  for (const url of urls) {
    const response = await cache.match(url);
    if (response) {
      count++;
      bytes += (await response.blob()).size;
    }
  }
  return { count, bytes };
}

export default function SaveOffline({ cacheName, urls, audio, lang, strings }: Props) {
  const [state, setState] = useState<State>({ kind: 'unknown' });
  const [withAudio, setWithAudio] = useState(false);

  useEffect(() => {
    if (!('caches' in window)) {
      setState({ kind: 'unsupported' });
      return;
    }
    const check = async () => {
      if (!(await caches.has(cacheName))) return setState({ kind: 'idle' });
      const { count, bytes } = await cachedSize(await caches.open(cacheName), urls);
      // The cache exists only while the module is saved: a failed first save and "Remove" delete
      // it. So lessons missing from it were taken out by an update and wait to be fetched again.
      setState((current) => (current.kind === 'saving' ? current : count === urls.length ? { kind: 'saved', count, bytes } : { kind: 'outdated' }));
    };
    void check();
    // The worker writes to pages only when it has brought saved modules up to date
    // (`SW_MESSAGE.savedUpdated`). Any message triggers a look at the cache, which is harmless,
    // and keeps the message names out of this island's code and in the registration script alone.
    const onMessage = () => void check();
    navigator.serviceWorker?.addEventListener('message', onMessage);
    return () => navigator.serviceWorker?.removeEventListener('message', onMessage);
  }, [cacheName]);

  async function save() {
    const keep = state.kind === 'outdated';
    setState({ kind: 'saving', done: 0 });
    try {
      const cache = await caches.open(cacheName);
      let bytes = 0;
      const all = withAudio && audio ? [...urls, ...audio.urls] : urls;
      for (const [i, url] of all.entries()) {
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        bytes += (await response.clone().blob()).size;
        await cache.put(url, response);
        setState({ kind: 'saving', done: i + 1 });
      }
      setState({ kind: 'saved', count: urls.length, bytes });
    } catch {
      // A failed first save leaves nothing half saved; a failed update keeps what was saved before.
      if (!keep) await caches.delete(cacheName);
      setState({ kind: 'idle', message: strings['offline.failed'], error: true });
    }
  }

  async function remove() {
    await caches.delete(cacheName);
    setState({ kind: 'idle', message: strings['offline.removed'] });
  }

  const canSave = state.kind === 'idle' || state.kind === 'outdated';
  if (state.kind === 'unsupported') return <p class="hint">{strings['offline.unsupported']}</p>;
  return (
    <div class="save-offline" data-offline-state={state.kind}>
      <p class="hint">{strings['offline.hint']}</p>
      {state.kind === 'saved' ? (
        <button type="button" class="btn btn-secondary" onClick={remove}>{strings['offline.remove']}</button>
      ) : (
        <>
          {audio && audio.urls.length > 0 && (
            <label class="include-audio">
              <input type="checkbox" checked={withAudio} onChange={(e) => setWithAudio((e.currentTarget as HTMLInputElement).checked)} disabled={!canSave} />{' '}
              {format(strings['offline.includeAudio'], { size: formatSize(audio.bytes, lang) })}
            </label>
          )}
          <button type="button" class="btn btn-secondary" onClick={save} disabled={!canSave}>{strings['offline.save']}</button>
          {state.kind === 'outdated' && <button type="button" class="btn btn-secondary" onClick={remove}>{strings['offline.remove']}</button>}
        </>
      )}
      {state.kind === 'saving' && <progress max={urls.length + (withAudio ? (audio?.urls.length ?? 0) : 0)} value={state.done} aria-hidden="true" />}
      <p role="status">
        {state.kind === 'saving' && format(strings['offline.saving'], { done: state.done, total: urls.length + (withAudio ? (audio?.urls.length ?? 0) : 0) })}
        {state.kind === 'saved' && format(strings['offline.saved'], { count: state.count, size: formatSize(state.bytes, lang) })}
        {state.kind === 'idle' && !state.error && state.message}
        {state.kind === 'outdated' && strings['offline.outdated']}
      </p>
      <p role="alert">{state.kind === 'idle' && state.error ? state.message : ''}</p>
    </div>
  );
}
