import { describe, expect, it } from 'vitest';
import { MAX_STORED_ASSIGNMENTS } from '../../../src/schemas/formats.ts';
import { assignmentId, decodeAssignment, encodeAssignment } from '../../../src/lib/assignment/encode.ts';
import { addAssignment, assignmentStore, emptyAssignments, findAssignment, removeAssignment } from '../../../src/lib/assignment/store.ts';
import { readStored, storeKey, type Migration } from '../../../src/lib/device-data/store.ts';
import { assignment } from './fixtures.ts';

const t0 = new Date('2026-11-01T10:00:00.000Z');
const t1 = new Date('2026-11-02T10:00:00.000Z');
const other = { ...assignment, group: 'ጉጅለ ሓሙስ', locale: 'ti', modules: ['halsa'], lessons: [] };

describe('assignments on the device', () => {
  it('is kept per site, next to the progress', () => {
    expect(storeKey(assignmentStore, 'trelleborg')).toBe('orienta:trelleborg:assignments');
  });

  it('adds an assignment with its id and the time it was received', () => {
    const store = addAssignment(emptyAssignments(), assignment, t0);
    expect(store).toEqual({ version: 1, assignments: [{ ...assignment, id: assignmentId(assignment), receivedAt: t0.toISOString() }] });
  });

  it('opening the same link twice keeps one, with the first time', () => {
    const decoded = decodeAssignment(encodeAssignment(assignment));
    if (!decoded.ok) throw new Error('decode failed');
    const once = addAssignment(emptyAssignments(), decoded.assignment, t0);
    const twice = addAssignment(once, decoded.assignment, t1);
    expect(twice).toBe(once);
    const reordered = addAssignment(once, { ...assignment, modules: [...assignment.modules].reverse() }, t1);
    expect(reordered.assignments).toHaveLength(1);
  });

  it('holds several, and removes one by id', () => {
    const store = addAssignment(addAssignment(emptyAssignments(), assignment, t0), other, t1);
    expect(store.assignments.map((a) => a.group)).toEqual(['SFI B tisdagar', 'ጉጅለ ሓሙስ']);
    expect(findAssignment(store, assignmentId(other))?.receivedAt).toBe(t1.toISOString());
    const removed = removeAssignment(store, assignmentId(assignment));
    expect(removed.assignments.map((a) => a.group)).toEqual(['ጉጅለ ሓሙስ']);
    expect(removeAssignment(removed, 'deadbeef')).toBe(removed);
    expect(store.assignments).toHaveLength(2); // not mutated
  });

  it(`keeps at most ${MAX_STORED_ASSIGNMENTS}, dropping the one received first`, () => {
    let store = emptyAssignments();
    for (let n = 0; n <= MAX_STORED_ASSIGNMENTS; n++) store = addAssignment(store, { ...assignment, group: `Grupp ${n}` }, new Date(t0.getTime() + n * 1000));
    expect(store.assignments).toHaveLength(MAX_STORED_ASSIGNMENTS);
    expect(store.assignments[0].group).toBe('Grupp 1');
    expect(parse(JSON.stringify(store))).toEqual({ ok: true, store });
  });
});

/** Reads a stored value the way the device store does, as `{ ok, store }` or the reason. */
function parse(raw: string | null, migrations: Record<number, Migration> = {}) {
  const read = readStored(raw, { ...assignmentStore, migrations }, { siteId: 'demo', now: t1 });
  if (read.status === 'ok') return { ok: true, store: read.value };
  if (read.status === 'empty') return { ok: true, store: emptyAssignments() };
  return { ok: false, error: read.status };
}

describe('reading the stored value', () => {
  const stored = JSON.stringify(addAssignment(addAssignment(emptyAssignments(), assignment, t0), other, t1));

  it('round-trips, and treats nothing stored as empty', () => {
    expect(parse(stored)).toEqual({ ok: true, store: JSON.parse(stored) });
    expect(parse(null)).toEqual({ ok: true, store: emptyAssignments() });
    expect(parse('')).toEqual({ ok: true, store: emptyAssignments() });
  });

  it('reports corrupt values instead of throwing', () => {
    const value = JSON.parse(stored);
    const cases: string[] = [
      '{"version":1,',
      '[]',
      'null',
      '"text"',
      JSON.stringify({ assignments: [] }),
      JSON.stringify({ version: 0, assignments: [] }),
      JSON.stringify({ version: 1, assignments: 'x' }),
      JSON.stringify({ ...value, assignments: [{ ...value.assignments[0], group: '<script>alert(1)</script>' }] }),
      JSON.stringify({ ...value, assignments: [value.assignments[0], value.assignments[0]] }),
      JSON.stringify({ ...value, assignments: [{ ...value.assignments[0], receivedAt: 'yesterday' }] }),
      JSON.stringify({ ...value, extra: true }),
    ];
    for (const raw of cases) expect(parse(raw), raw.slice(0, 60)).toEqual({ ok: false, error: 'unreadable' });
  });

  it('recognises a newer version, so the page leaves it alone', () => {
    expect(parse(JSON.stringify({ version: 2, assignments: [], more: 'x' }))).toEqual({ ok: false, error: 'newer' });
  });

  it('migrates an older version before validating it', () => {
    // A fabricated version 0: links kept as strings.
    const v0 = { version: 0, links: [encodeAssignment(assignment)] };
    const from0: Migration = (old) => ({
      assignments: (old.links as string[]).map((link) => {
        const decoded = decodeAssignment(link);
        return decoded.ok ? { ...decoded.assignment, id: assignmentId(decoded.assignment), receivedAt: t0.toISOString() } : null;
      }),
    });
    expect(parse(JSON.stringify(v0), { 0: from0 })).toEqual({ ok: true, store: addAssignment(emptyAssignments(), assignment, t0) });
    expect(parse(JSON.stringify(v0))).toEqual({ ok: false, error: 'unreadable' });
  });
});
