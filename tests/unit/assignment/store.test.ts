import { describe, expect, it } from 'vitest';
import { MAX_STORED_ASSIGNMENTS } from '../../../src/schemas/assignment.ts';
import { assignmentId, decodeAssignment, encodeAssignment } from '../../../src/lib/assignment/encode.ts';
import {
  addAssignment, assignmentsKey, emptyAssignments, findAssignment, parseAssignments, removeAssignment, serializeAssignments, type AssignmentMigration,
} from '../../../src/lib/assignment/store.ts';
import { assignment } from './fixtures.ts';

const t0 = new Date('2026-11-01T10:00:00.000Z');
const t1 = new Date('2026-11-02T10:00:00.000Z');
const other = { ...assignment, group: 'ጉጅለ ሓሙስ', locale: 'ti', modules: ['halsa'], lessons: [] };

describe('assignments on the device', () => {
  it('is kept per site, next to the progress', () => {
    expect(assignmentsKey('trelleborg')).toBe('orienta:trelleborg:assignments');
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
    expect(parseAssignments(serializeAssignments(store))).toEqual({ ok: true, store });
  });
});

describe('reading the stored value', () => {
  const stored = serializeAssignments(addAssignment(addAssignment(emptyAssignments(), assignment, t0), other, t1));

  it('round-trips, and treats nothing stored as empty', () => {
    expect(parseAssignments(stored)).toEqual({ ok: true, store: JSON.parse(stored) });
    expect(parseAssignments(null)).toEqual({ ok: true, store: emptyAssignments() });
    expect(parseAssignments('')).toEqual({ ok: true, store: emptyAssignments() });
  });

  it('reports corrupt values instead of throwing', () => {
    const value = JSON.parse(stored);
    const cases: Array<[string, string]> = [
      ['{"version":1,', 'not-json'],
      ['[]', 'invalid'],
      ['null', 'invalid'],
      ['"text"', 'invalid'],
      [JSON.stringify({ assignments: [] }), 'invalid'],
      [JSON.stringify({ version: 0, assignments: [] }), 'invalid'],
      [JSON.stringify({ version: 1, assignments: 'x' }), 'invalid'],
      [JSON.stringify({ ...value, assignments: [{ ...value.assignments[0], group: '<script>alert(1)</script>' }] }), 'invalid'],
      [JSON.stringify({ ...value, assignments: [value.assignments[0], value.assignments[0]] }), 'invalid'],
      [JSON.stringify({ ...value, assignments: [{ ...value.assignments[0], receivedAt: 'yesterday' }] }), 'invalid'],
      [JSON.stringify({ ...value, extra: true }), 'invalid'],
    ];
    for (const [raw, error] of cases) expect(parseAssignments(raw), raw.slice(0, 60)).toEqual({ ok: false, error });
  });

  it('refuses a newer version, so the page leaves it alone', () => {
    expect(parseAssignments(JSON.stringify({ version: 2, assignments: [], more: 'x' }))).toEqual({ ok: false, error: 'unknown-version' });
  });

  it('migrates an older version before validating it', () => {
    // A fabricated version 0: links kept as strings.
    const v0 = { version: 0, links: [encodeAssignment(assignment)] };
    const from0: AssignmentMigration = (old) => ({
      assignments: (old.links as string[]).map((link) => {
        const decoded = decodeAssignment(link);
        return decoded.ok ? { ...decoded.assignment, id: assignmentId(decoded.assignment), receivedAt: t0.toISOString() } : null;
      }),
    });
    expect(parseAssignments(JSON.stringify(v0), { 0: from0 }, 1)).toEqual({ ok: true, store: addAssignment(emptyAssignments(), assignment, t0) });
    expect(parseAssignments(JSON.stringify(v0), {}, 1)).toEqual({ ok: false, error: 'invalid' });
    const throwing: AssignmentMigration = () => {
      throw new Error('bad');
    };
    expect(parseAssignments(JSON.stringify(v0), { 0: throwing }, 1)).toEqual({ ok: false, error: 'invalid' });
  });
});
