/**
 * Changes to a competence card, as pure functions. Each returns a new card, or the same object
 * when nothing changes (so nothing is written). Texts reach these functions already checked
 * (`checkCardText`); lists stop at their limits (`CARD_LIMITS`), and the page disables "Add"
 * before a list is full.
 */
import type { CompetenceCard, Experience, LanguageSkill, ListItem, PlannedStep } from '../../schemas/competence-card.ts';
import { CARD_LIMITS, DRIVING_LICENCE_CATEGORIES, type STEP_STATUSES } from '../../schemas/formats.ts';

/** The card's lists, by name. */
export interface CardLists {
  education: Experience;
  work: Experience;
  languages: LanguageSkill;
  certificates: ListItem;
  skills: ListItem;
  steps: PlannedStep;
}
export type ListName = keyof CardLists;
export type TextFieldName = 'name' | 'contact' | 'wishes';
export type DrivingLicence = (typeof DRIVING_LICENCE_CATEGORIES)[number];
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Most entries each list holds. */
export const LIST_LIMITS: Readonly<Record<ListName, number>> = {
  education: CARD_LIMITS.entries,
  work: CARD_LIMITS.entries,
  languages: CARD_LIMITS.entries,
  certificates: CARD_LIMITS.entries,
  skills: CARD_LIMITS.skills,
  steps: CARD_LIMITS.steps,
};

/** A new, empty card. */
export function emptyCard(): CompetenceCard {
  return { education: [], work: [], languages: [], drivingLicences: [], certificates: [], skills: [], steps: [] };
}

/** True when the card holds nothing a reader would see. */
export function isCardEmpty(card: CompetenceCard): boolean {
  const blank = (text: string | undefined) => !text?.trim();
  return (
    blank(card.name) &&
    blank(card.contact) &&
    blank(card.wishes) &&
    card.drivingLicences.length === 0 &&
    (['education', 'work', 'languages', 'certificates', 'skills', 'steps'] as const).every((list) => card[list].length === 0)
  );
}

/** Sets one of the card's single texts; an empty text removes it. */
export function setText(card: CompetenceCard, field: TextFieldName, value: string): CompetenceCard {
  if ((card[field] ?? '') === value) return card;
  const next = { ...card };
  if (value === '') delete next[field];
  else next[field] = value;
  return next;
}

/** Sets the language the free text is written in. */
export function setTextLanguage(card: CompetenceCard, textLanguage: string): CompetenceCard {
  return card.textLanguage === textLanguage ? card : { ...card, textLanguage };
}

/** Appends an entry to a list; a full list is left as it is. */
export function addEntry<L extends ListName>(card: CompetenceCard, list: L, entry: CardLists[L]): CompetenceCard {
  return insertEntry(card, list, entry, Number.POSITIVE_INFINITY);
}

/** Puts an entry at `index` (e.g. back where it was, to undo a removal); a full list is left as it is. */
export function insertEntry<L extends ListName>(card: CompetenceCard, list: L, entry: CardLists[L], index: number): CompetenceCard {
  const entries = card[list] as CardLists[L][];
  if (entries.length >= LIST_LIMITS[list] || entries.some((e) => e.id === entry.id)) return card;
  const at = Math.max(0, Math.min(index, entries.length));
  return { ...card, [list]: [...entries.slice(0, at), entry, ...entries.slice(at)] };
}

/**
 * Changes fields of one entry. A field set to `undefined` or `''` is removed, except those the
 * entry needs (an experience's `title`, an item's `text`), which become `''`.
 */
export function updateEntry<L extends ListName>(card: CompetenceCard, list: L, id: string, patch: Partial<CardLists[L]>): CompetenceCard {
  const entries = card[list] as CardLists[L][];
  const index = entries.findIndex((e) => e.id === id);
  if (index === -1) return card;
  const current = entries[index] as unknown as Record<string, unknown>;
  const next: Record<string, unknown> = { ...current };
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    const required = key === 'title' || key === 'text' || key === 'level' || key === 'status' || key === 'id' || key === 'addedOn';
    const cleared = value === undefined || (value === '' && !required);
    if (cleared ? key in current : current[key] !== value) changed = true;
    if (cleared) delete next[key];
    else next[key] = value;
  }
  if (!changed) return card;
  const copy = [...entries];
  copy[index] = next as unknown as CardLists[L];
  return { ...card, [list]: copy };
}

/** Removes an entry. */
export function removeEntry(card: CompetenceCard, list: ListName, id: string): CompetenceCard {
  const entries = card[list] as Array<{ id: string }>;
  return entries.some((e) => e.id === id) ? { ...card, [list]: entries.filter((e) => e.id !== id) } : card;
}

/** Moves an entry one place up (-1) or down (+1), e.g. to put the latest job first. */
export function moveEntry(card: CompetenceCard, list: ListName, id: string, delta: -1 | 1): CompetenceCard {
  const entries = [...(card[list] as Array<{ id: string }>)];
  const from = entries.findIndex((e) => e.id === id);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= entries.length) return card;
  [entries[from], entries[to]] = [entries[to]!, entries[from]!];
  return { ...card, [list]: entries };
}

/** Ticks or unticks a driving licence category; the list stays in the official order. */
export function setDrivingLicence(card: CompetenceCard, category: DrivingLicence, held: boolean): CompetenceCard {
  if (card.drivingLicences.includes(category) === held) return card;
  const set = new Set(card.drivingLicences);
  if (held) set.add(category);
  else set.delete(category);
  return { ...card, drivingLicences: DRIVING_LICENCE_CATEGORIES.filter((c) => set.has(c)) };
}

/**
 * Adds a step a lesson suggests. Adding the same step again changes nothing, so the button on a
 * lesson can be pressed twice, or in two tabs, without a duplicate.
 */
export function addSuggestedStep(card: CompetenceCard, stepId: string, options: { id: string; day: string; lessonId?: string }): CompetenceCard {
  if (card.steps.some((step) => step.stepId === stepId)) return card;
  return addEntry(card, 'steps', { id: options.id, stepId, ...(options.lessonId ? { lessonId: options.lessonId } : {}), status: 'planned', addedOn: options.day });
}

/** True when a suggested step is already in the plan. */
export function hasStep(card: CompetenceCard, stepId: string): boolean {
  return card.steps.some((step) => step.stepId === stepId);
}

/**
 * Applies a change to the stored card: stamps the time and, when a card nobody has written on gets
 * its first text, records the language of the page it was written on as the text's language.
 * Returns the same object when the change changes nothing.
 */
export function changeStoredCard<S extends { card: CompetenceCard; updatedAt: string }>(
  store: S,
  change: (card: CompetenceCard) => CompetenceCard,
  now: Date,
  pageLocale: string,
): S {
  const card = change(store.card);
  if (card === store.card) return store;
  const withLanguage = card.textLanguage ? card : setTextLanguage(card, pageLocale);
  return { ...store, card: withLanguage, updatedAt: now.toISOString() };
}
