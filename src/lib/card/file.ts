/**
 * Moving a competence card in and out of the device: the file written by "Save as a file", read
 * back by "Open a card file" with a preview, and the change that replaces the card on the device
 * once the participant has said yes. Reading and writing are the device-data engine's
 * (`readVersionedFile`, `writeVersionedFile`) with the `cardFile` definition.
 */
import type { CardFile, CardStore, CompetenceCard } from '../../schemas/competence-card.ts';
import { readVersionedFile, writeVersionedFile, type FileReadResult } from '../device-data/file.ts';
import { stripBidiControls } from '../text/bidi.ts';
import { cardFile } from './definitions.ts';
import { isCardEmpty } from './edit.ts';
import { shownText } from './text.ts';

/** A finished course module as the file names it: in Swedish, for the reader. */
export type FinishedModule = CardFile['finishedModules'][number];

/** The card with blank texts left out, as it goes into a file. */
export function trimmedCard(card: CompetenceCard): CompetenceCard {
  const text = (value: string | undefined) => shownText(value);
  const optional = <K extends string>(key: K, value: string | undefined) => (text(value) ? { [key]: text(value) } : {}) as Partial<Record<K, string>>;
  return {
    ...(card.textLanguage ? { textLanguage: card.textLanguage } : {}),
    ...optional('name', card.name),
    ...optional('contact', card.contact),
    ...optional('wishes', card.wishes),
    education: card.education.filter((e) => text(e.title) || text(e.organisation)).map(trimExperience),
    work: card.work.filter((e) => text(e.title) || text(e.organisation)).map(trimExperience),
    languages: card.languages.filter((l) => l.code || text(l.name)).map((l) => ({ id: l.id, ...(l.code ? { code: l.code } : optional('name', l.name)), level: l.level })),
    drivingLicences: card.drivingLicences,
    certificates: card.certificates.filter((c) => text(c.text)).map((c) => ({ id: c.id, text: text(c.text)! })),
    skills: card.skills.filter((s) => text(s.text)).map((s) => ({ id: s.id, text: text(s.text)! })),
    steps: card.steps.filter((s) => s.stepId || text(s.text)).map(({ text: own, ...step }) => ({ ...step, ...optional('text', own) })),
  };

  function trimExperience(entry: CompetenceCard['work'][number]) {
    return {
      id: entry.id,
      title: text(entry.title) ?? '',
      ...optional('organisation', entry.organisation),
      ...optional('place', entry.place),
      ...optional('period', entry.period),
      ...optional('description', entry.description),
    };
  }
}

/** The file's text. */
export function writeCardFile(store: CardStore, finishedModules: FinishedModule[], schemaUrl: string, now: Date): string {
  return writeVersionedFile(cardFile, { exportedAt: now.toISOString(), card: trimmedCard(store.card), finishedModules }, schemaUrl);
}

/**
 * Reads an opened card file: refuses what the engine refuses (too large, not JSON, another kind,
 * newer version, invalid, markup, future dates), and removes bidi control characters from every
 * text, as typing does.
 */
export function readCardFile(text: string, now: Date): FileReadResult<CardFile> {
  const read = readVersionedFile(text, cardFile, { now });
  if (!read.ok) return read;
  return { ok: true, file: { ...read.file, card: withoutBidiControls(read.file.card) } };
}

function withoutBidiControls<T>(value: T): T {
  if (typeof value === 'string') return stripBidiControls(value) as T;
  if (Array.isArray(value)) return value.map(withoutBidiControls) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBidiControls(v)])) as T;
  return value;
}

/** What opening a file would do, shown before anything changes. */
export interface CardImportPreview {
  /** Entries in the file's card, all lists together (a driving licence category counts as one). */
  entries: number;
  /** True when the card on the device holds something that the file would replace. */
  replacesCard: boolean;
}

/** Computes the preview of replacing `local` with the card in `file`. */
export function previewCardImport(local: CompetenceCard, file: CardFile): CardImportPreview {
  const card = file.card;
  const entries = card.education.length + card.work.length + card.languages.length + card.certificates.length + card.skills.length + card.steps.length + card.drivingLicences.length + (['name', 'contact', 'wishes'] as const).filter((k) => shownText(card[k])).length;
  return { entries, replacesCard: !isCardEmpty(local) };
}

/** Replaces the card on the device with the file's. Only called after the participant confirmed. */
export function replaceCard(store: CardStore, file: CardFile, now: Date): CardStore {
  return { ...store, card: file.card, updatedAt: now.toISOString() };
}
