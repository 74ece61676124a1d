/**
 * Preact hooks over the page's device stores and the course outline. They return null until
 * mounted (and until the outline has loaded), so the server render and the first client render
 * are the same placeholder and nothing jumps on hydration.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { deviceStore, type DeviceStore, type StoreSnapshot } from '../lib/device-data/browser-store.ts';
import type { StoreDefinition } from '../lib/device-data/store.ts';
import { progressStore } from '../lib/progress/definitions.ts';
import type { ProgressStore } from '../schemas/progress.ts';
import { loadOutline } from '../lib/browser/outline.ts';
import type { CourseOutline } from '../lib/page/outline.ts';

/** Subscribes to a device store of this site, opened on mount. */
export function useStore<T>(definition: StoreDefinition<T>, siteId: string): [StoreSnapshot<T> | null, DeviceStore<T> | null] {
  const [snapshot, setSnapshot] = useState<StoreSnapshot<T> | null>(null);
  const [store, setStore] = useState<DeviceStore<T> | null>(null);
  useEffect(() => {
    const opened = deviceStore(definition, siteId);
    setStore(opened);
    setSnapshot(opened.snapshot());
    return opened.subscribe(setSnapshot);
  }, [definition, siteId]);
  return [snapshot, store];
}

/** The participant's progress on this site. */
export function useProgress(siteId: string): [StoreSnapshot<ProgressStore> | null, DeviceStore<ProgressStore> | null] {
  return useStore(progressStore, siteId);
}

/**
 * The course outline of a locale, once loaded; `failed` when it could not be loaded. Pass null to
 * load nothing (an island that was given what it needs).
 */
export function useOutline(locale: string | null): CourseOutline | 'failed' | null {
  const [outline, setOutline] = useState<CourseOutline | 'failed' | null>(null);
  useEffect(() => {
    if (locale === null) return undefined;
    let live = true;
    loadOutline(locale).then(
      (loaded) => live && setOutline(loaded),
      () => live && setOutline('failed'),
    );
    return () => {
      live = false;
    };
  }, [locale]);
  return outline;
}

/**
 * Each module's lesson ids (`<module-id>/<lesson-id>`), from the locale's course outline, for
 * islands that judge progress per module; null until the outline has loaded (or when it failed).
 */
export function useModuleLessons(locale: string): Map<string, string[]> | null {
  const outline = useOutline(locale);
  return useMemo(() => (outline && outline !== 'failed' ? new Map(outline.modules.map((m) => [m.id, m.lessons.map((l) => l.id)])) : null), [outline]);
}
