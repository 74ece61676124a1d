/**
 * The teacher's group: participants' progress received as passports (scanned) or files, kept on
 * the teacher's device and shown as a class grid. Pure functions over the store.
 *
 * Store lifecycle: the group page opens `orienta:<site-id>:group`; each received passport or file
 * becomes an entry (`entryFromPassport`, `entryFromFile`) that `receive` merges into the row with
 * the same key (the passport id): completed stays completed, the best score wins, the latest name
 * and day are kept. A passport or file from another municipality's site is refused before it gets
 * here. Version 1 is the first; no migrations yet.
 */
import type { GroupParticipant, GroupStore, LessonState } from '../../schemas/group.ts';
import type { ProgressExport } from '../../schemas/progress.ts';
import { GROUP_STORE_VERSION, MAX_GROUP_PARTICIPANTS } from '../../schemas/formats.ts';
import type { StoreDefinition } from '../device-data/store.ts';
import { isGroupStoreV1 } from '../device-data/validators/group-store-v1.generated.ts';
import { textHash } from '../text/hash.ts';
import { cleanName } from '../text/bidi.ts';
import type { Passport } from '../passport/codec.ts';
import { resolvePassport } from '../passport/codec.ts';

export type { GroupStore, GroupParticipant };

/** The group kept on the teacher's device. */
export const groupStore: StoreDefinition<GroupStore> = {
  name: 'group',
  version: GROUP_STORE_VERSION,
  validate: isGroupStoreV1,
  migrations: {},
  empty: ({ siteId }) => ({ version: GROUP_STORE_VERSION, siteId, participants: [] }),
  accepts: (group, { siteId }) => group.siteId === siteId && new Set(group.participants.map((p) => p.key)).size === group.participants.length,
};

/** A scanned passport as a group entry; lessons this site does not have are counted in `unknown`. */
export function entryFromPassport(passport: Passport, knownLessonIds: Iterable<string>): { entry: GroupParticipant; unknown: number } {
  const { lessons, unknown } = resolvePassport(passport, knownLessonIds);
  return { entry: { key: passport.id, ...(passport.name ? { name: passport.name } : {}), asOf: passport.issuedOn, via: 'passport', lessons }, unknown };
}

/**
 * A progress file as a group entry. A version 2 file carries the passport id; a version 1 file
 * has none, so it is keyed by its name and export time (the same file given twice is one row).
 */
export function entryFromFile(file: ProgressExport, knownLessonIds: ReadonlySet<string>): { entry: GroupParticipant; unknown: number } {
  const lessons: Record<string, LessonState> = {};
  let unknown = 0;
  for (const lesson of file.lessons) {
    if (!knownLessonIds.has(lesson.id)) {
      unknown++;
      continue;
    }
    if (!lesson.completed && !lesson.selfCheck) continue;
    lessons[lesson.id] = { completed: lesson.completed, ...(lesson.selfCheck ? { best: { score: lesson.selfCheck.best.score, total: lesson.selfCheck.best.total } } : {}) };
  }
  const name = file.participantName ? cleanName(file.participantName, 80) : '';
  const key = file.passportId ?? `file-${textHash(`${name}\u0000${file.exportedAt}`)}`;
  return { entry: { key, ...(name ? { name } : {}), asOf: file.exportedAt.slice(0, 10), via: 'file', lessons }, unknown };
}

const better = (a: LessonState['best'], b: LessonState['best']) => (!a ? b : !b ? a : b.score / b.total > a.score / a.total ? b : a);

/** What receiving an entry did. */
export type ReceiveOutcome = 'added' | 'updated' | 'unchanged' | 'full';

/** Merges an entry into the group: a new row, or the same participant's row updated. */
export function receive(group: GroupStore, entry: GroupParticipant): { group: GroupStore; outcome: ReceiveOutcome } {
  const index = group.participants.findIndex((p) => p.key === entry.key);
  if (index === -1) {
    if (group.participants.length >= MAX_GROUP_PARTICIPANTS) return { group, outcome: 'full' };
    return { group: { ...group, participants: [...group.participants, entry] }, outcome: 'added' };
  }
  const old = group.participants[index]!;
  const lessons: Record<string, LessonState> = { ...old.lessons };
  for (const [id, state] of Object.entries(entry.lessons)) {
    const before = lessons[id];
    const best = better(before?.best, state.best);
    lessons[id] = { completed: Boolean(before?.completed || state.completed), ...(best ? { best } : {}) };
  }
  const newer = entry.asOf >= old.asOf;
  const name = newer ? (entry.name ?? old.name) : (old.name ?? entry.name);
  const merged: GroupParticipant = {
    key: old.key,
    ...(name ? { name } : {}),
    asOf: newer ? entry.asOf : old.asOf,
    via: newer ? entry.via : old.via,
    lessons,
  };
  // The same progress arriving another way, or again, is nothing new.
  if (JSON.stringify(merged.lessons) === JSON.stringify(old.lessons) && merged.name === old.name) return { group, outcome: 'unchanged' };
  const participants = [...group.participants];
  participants[index] = merged;
  return { group: { ...group, participants }, outcome: 'updated' };
}

/** Removes a participant; `restore` puts them back where they were. */
export function removeParticipant(group: GroupStore, key: string): GroupStore {
  return group.participants.some((p) => p.key === key) ? { ...group, participants: group.participants.filter((p) => p.key !== key) } : group;
}

/** Puts a removed participant back at their place. */
export function restoreParticipant(group: GroupStore, participant: GroupParticipant, index: number): GroupStore {
  if (group.participants.some((p) => p.key === participant.key)) return group;
  const participants = [...group.participants];
  participants.splice(Math.min(index, participants.length), 0, participant);
  return { ...group, participants };
}
