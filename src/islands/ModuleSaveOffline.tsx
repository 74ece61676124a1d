/**
 * "Save for offline" on a module page: `SaveOffline` with the module's lesson links taken from the
 * course outline and its recorded audio from `/<locale>/<module>/audio.json`, both loaded when the
 * island starts, so the page does not carry a list that grows with the module. The outline is
 * precached by the service worker, so a module saved earlier still shows as saved offline; the
 * audio list is optional (without it, only the lessons are offered).
 */
import { useEffect, useState } from 'preact/hooks';
import SaveOffline, { SAVE_OFFLINE_KEYS } from './SaveOffline.tsx';
import { useOutline } from './hooks.ts';

export const MODULE_SAVE_OFFLINE_KEYS = SAVE_OFFLINE_KEYS;

/** What `/<locale>/<module>/audio.json` holds. */
export interface ModuleAudio {
  urls: string[];
  bytes: number;
}

interface Props {
  cacheName: string;
  locale: string;
  moduleId: string;
  /** `/<locale>/<module>/audio.json` when the module has recorded audio. */
  audioHref?: string | undefined;
  lang: string;
  strings: Record<(typeof SAVE_OFFLINE_KEYS)[number], string>;
}

export default function ModuleSaveOffline({ cacheName, locale, moduleId, audioHref, lang, strings }: Props) {
  const outline = useOutline(locale);
  const [audio, setAudio] = useState<ModuleAudio | null | undefined>(audioHref ? undefined : null);
  useEffect(() => {
    if (!audioHref) return undefined;
    let live = true;
    fetch(audioHref)
      .then((response) => (response.ok ? (response.json() as Promise<ModuleAudio>) : null))
      .catch(() => null)
      .then((loaded) => live && setAudio(loaded));
    return () => {
      live = false;
    };
  }, [audioHref]);
  const module = outline && outline !== 'failed' ? outline.modules.find((m) => m.id === moduleId) : undefined;
  if (!module || audio === undefined) return <div class="save-offline" data-save-offline-pending />;
  return <SaveOffline cacheName={cacheName} urls={module.lessons.map((l) => l.href)} audio={audio ?? undefined} lang={lang} strings={strings} />;
}
