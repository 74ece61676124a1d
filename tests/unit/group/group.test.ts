import { describe, expect, it } from 'vitest';
import { entryFromFile, entryFromPassport, groupStore, receive, removeParticipant, restoreParticipant } from '../../../src/lib/group/group.ts';
import { classGrid, gridToCsv } from '../../../src/lib/group/grid.ts';
import { decodePassport, encodePassport } from '../../../src/lib/passport/codec.ts';
import { openStore, type KeyValueStorage } from '../../../src/lib/device-data/store.ts';
import type { GroupStore } from '../../../src/schemas/group.ts';
import type { ProgressExport } from '../../../src/schemas/progress.ts';

const NOW = new Date('2026-12-07T12:00:00Z');
const outline = [
  { id: 'm1', title: 'Modul 1', lessons: [{ id: 'm1/a', title: 'A' }, { id: 'm1/b', title: 'B, med komma' }] },
  { id: 'm2', title: 'Modul 2', lessons: [{ id: 'm2/c', title: 'C' }] },
];
const known = new Set(['m1/a', 'm1/b', 'm2/c']);
const empty: GroupStore = { version: 1, siteId: 'demo', participants: [] };
const passport = (lessons: Record<string, { completedAt?: string; selfCheck?: { best: { score: number; total: number } } }>, issuedOn = '2026-12-01', name = 'Amina') => {
  const read = decodePassport(encodePassport({ id: 'aaaaaaaaaaaaaaaa', siteId: 'demo', issuedOn, name, lessons }), { now: NOW });
  if (!read.ok) throw new Error(read.error);
  return read.passport;
};
const file = (extra: Partial<ProgressExport>): ProgressExport => ({
  $schema: '', schemaVersion: 2, kind: 'orienta.progress', siteId: 'demo', exportedAt: '2026-12-02T10:00:00.000Z', lessons: [], ...extra,
});

describe('the group', () => {
  it('keeps one row per passport id, and a later scan updates it: completed stays, the best score wins', () => {
    const first = entryFromPassport(passport({ 'm1/a': { completedAt: 'x', selfCheck: { best: { score: 2, total: 4 } } } }), known).entry;
    let { group, outcome } = receive(empty, first);
    expect(outcome).toBe('added');
    const later = entryFromPassport(passport({ 'm1/a': { selfCheck: { best: { score: 1, total: 4 } } }, 'm1/b': { completedAt: 'x' } }, '2026-12-05'), known).entry;
    ({ group, outcome } = receive(group, later));
    expect(outcome).toBe('updated');
    expect(group.participants).toHaveLength(1);
    expect(group.participants[0]!.lessons).toEqual({ 'm1/a': { completed: true, best: { score: 2, total: 4 } }, 'm1/b': { completed: true } });
    expect(group.participants[0]!.asOf).toBe('2026-12-05');
    expect(receive(group, later).outcome).toBe('unchanged');
  });

  it('counts the same participant once whether progress came as a passport or a file', () => {
    const { group } = receive(empty, entryFromPassport(passport({ 'm1/a': { completedAt: 'x' } }), known).entry);
    const sameByFile = entryFromFile(file({ passportId: 'aaaaaaaaaaaaaaaa', participantName: 'Amina', lessons: [{ id: 'm1/a', completed: true }] }), known).entry;
    expect(receive(group, sameByFile)).toMatchObject({ outcome: 'unchanged' });
  });

  it('keys an old file without a passport id by its name and time, and counts unknown lessons', () => {
    const { entry, unknown } = entryFromFile(file({ participantName: 'Bo', lessons: [{ id: 'm1/a', completed: true }, { id: 'x/y', completed: true }] }), known);
    expect(entry.key).toMatch(/^file-[0-9a-f]{8}$/);
    expect(unknown).toBe(1);
    expect(entryFromFile(file({ participantName: 'Bo' }), known).entry.key).toBe(entry.key);
  });

  it('removes and restores a participant in place', () => {
    let group = receive(empty, entryFromFile(file({ participantName: 'A', exportedAt: '2026-12-01T00:00:00.000Z' }), known).entry).group;
    group = receive(group, entryFromFile(file({ participantName: 'B', exportedAt: '2026-12-01T00:00:00.000Z' }), known).entry).group;
    const [a] = group.participants;
    const without = removeParticipant(group, a!.key);
    expect(restoreParticipant(without, a!, 0)).toEqual(group);
  });

  it('is a device store that refuses another site and duplicate keys', () => {
    const stored = (value: unknown): KeyValueStorage => ({ getItem: () => JSON.stringify(value), setItem: () => {} });
    const row = { key: 'aaaaaaaaaaaaaaaa', asOf: '2026-12-01', via: 'passport', lessons: {} };
    expect(openStore(stored({ ...empty, participants: [row] }), groupStore, { siteId: 'demo', now: NOW }).problem).toBeUndefined();
    expect(openStore(stored({ ...empty, participants: [row, row] }), groupStore, { siteId: 'demo', now: NOW }).problem).toBe('stored-unreadable-kept');
  });
});

describe('the class grid', () => {
  const group = [
    entryFromFile(file({ participantName: 'Bo', lessons: [{ id: 'm1/a', completed: true, selfCheck: { latest: { score: 3, total: 4, at: '2026-12-01T00:00:00.000Z' }, best: { score: 3, total: 4, at: '2026-12-01T00:00:00.000Z' } } }] }), known).entry,
    entryFromFile(file({ exportedAt: '2026-12-03T00:00:00.000Z', lessons: [{ id: 'm1/b', completed: false, selfCheck: { latest: { score: 1, total: 2, at: '2026-12-01T00:00:00.000Z' }, best: { score: 1, total: 2, at: '2026-12-01T00:00:00.000Z' } } }] }), known).entry,
    entryFromFile(file({ participantName: 'Ali', exportedAt: '2026-12-04T00:00:00.000Z', lessons: [{ id: 'm1/a', completed: true }, { id: 'm2/c', completed: true }] }), known).entry,
  ].reduce((g, e) => receive(g, e).group, empty);

  it('shows participants × lessons by module, with totals, sorted as asked', () => {
    const grid = classGrid(group, outline, { sort: 'done-desc' });
    expect(grid.rows.map((r) => [r.name ?? `#${r.number}`, r.done, r.total])).toEqual([['Ali', 2, 3], ['Bo', 1, 3], ['#1', 0, 3]]);
    expect(grid.rows[1]!.cells).toEqual([{ state: 'done', best: { score: 3, total: 4 } }, { state: 'not-started' }, { state: 'not-started' }]);
    expect(grid.rows[2]!.cells[1]).toEqual({ state: 'started', best: { score: 1, total: 2 } });
    expect(grid.modules.flatMap((m) => m.lessons.map((l) => l.done))).toEqual([2, 0, 1]);
    expect(classGrid(group, outline, { moduleIds: ['m2'] }).modules.map((m) => m.id)).toEqual(['m2']);
  });

  it('writes the same columns as CSV, quoting what needs it', () => {
    const csv = gridToCsv(classGrid(group, outline), { participant: 'Deltagare', unnamed: (n) => `Deltagare ${n}`, asOf: 'Per', done: 'klar', started: 'påbörjad', notStarted: '', total: 'Totalt' });
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Deltagare,Per,Modul 1: A,"Modul 1: B, med komma",Modul 2: C,Totalt');
    expect(lines[1]).toBe('Bo,2026-12-02,klar 3/4,,,1/3');
    expect(lines[2]).toBe('Deltagare 1,2026-12-03,,påbörjad 1/2,,0/3');
    expect(lines[4]).toBe('Totalt,,2/3,0/3,1/3,');
  });
});
