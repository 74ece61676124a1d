/**
 * The competence card as device data: the store kept in the browser and the "Save as a file"
 * format, both definitions for the device-data engine (`../device-data/`).
 *
 * Store lifecycle: the card page opens it on mount (and on every `storage` event from another
 * tab), each edit is a pure change from `edit.ts`, written whole at once. A lesson's "Add to my
 * plan" button opens the same store and adds one step. Format: one envelope per site under
 * `orienta:<site-id>:card` (`cardStoreV1Schema`), never sent anywhere and never part of the
 * progress export, so a participant who hands progress to a teacher does not hand over a CV.
 *
 * Migrations: version 1 is the first shipped version, so the table is empty; the next format
 * change adds `1: (v1) => v2`. Files get the same treatment in `cardFile.migrations`.
 */
import type { CardFile, CardStore, CompetenceCard } from '../../schemas/competence-card.ts';
import { CARD_FILE, CARD_STORE_VERSION } from '../../schemas/formats.ts';
import type { FileDefinition } from '../device-data/file.ts';
import type { Migration, StoreDefinition } from '../device-data/store.ts';
import { isCardFileV1 } from '../device-data/validators/card-file-v1.generated.ts';
import { isCardStoreV1 } from '../device-data/validators/card-store-v1.generated.ts';
import { emptyCard } from './edit.ts';

/** Lifts a stored card from version n to n + 1. Empty: version 1 is the first. */
export const CARD_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Entry ids must be unique within the card: edits find entries by id. */
export function idsAreUnique(card: CompetenceCard): boolean {
  const ids = [card.education, card.work, card.languages, card.certificates, card.skills, card.steps].flat().map((entry) => entry.id);
  return new Set(ids).size === ids.length;
}

/** A new store holding an empty card. */
export function emptyCardStore(siteId: string, now: Date): CardStore {
  return { version: CARD_STORE_VERSION, siteId, updatedAt: now.toISOString(), card: emptyCard() };
}

/** The card kept on the participant's device. */
export const cardStore: StoreDefinition<CardStore> = {
  name: 'card',
  version: CARD_STORE_VERSION,
  validate: isCardStoreV1,
  migrations: CARD_MIGRATIONS,
  empty: ({ siteId, now }) => emptyCardStore(siteId, now),
  accepts: (store, { siteId }) => store.siteId === siteId && idsAreUnique(store.card),
};

/** The "Save as a file" format. Cards move between sites freely: they belong to the participant. */
export const cardFile: FileDefinition<CardFile> = {
  ...CARD_FILE,
  validate: isCardFileV1,
  migrations: {},
  accepts: (file) => idsAreUnique(file.card),
  datesOf: (file) => [file.exportedAt, ...file.card.steps.map((step) => step.addedOn), ...file.finishedModules.map((module) => module.finishedOn)],
};
