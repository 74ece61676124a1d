import { describe, expect, it } from 'vitest';
import { setCompleted } from '../../../src/lib/progress/changes.ts';
import { emptyProgress } from '../../../src/lib/progress/definitions.ts';
import { assignmentProgress, isForSite, resolveAssignment } from '../../../src/lib/assignment/resolve.ts';
import { assignment, outline } from './fixtures.ts';

const now = new Date('2026-11-05T08:00:00.000Z');

describe('resolving an assignment against the course', () => {
  it('lists items in course order, the flat lesson list and the planned hours', () => {
    const resolved = resolveAssignment(assignment, outline);
    expect(resolved).toEqual({
      items: [
        { kind: 'module', id: 'komma-till-sverige', lessonIds: outline[0].lessonIds, hours: 8 },
        { kind: 'module', id: 'forsorja-sig', lessonIds: outline[1].lessonIds, hours: 12 },
        { kind: 'lesson', id: 'halsa/levnadsvanor', moduleId: 'halsa', hours: 1.5 },
        { kind: 'lesson', id: 'halsa/psykisk-halsa', moduleId: 'halsa', hours: 1.5 },
      ],
      missingModules: [],
      missingLessons: [],
      lessonIds: [...outline[0].lessonIds, ...outline[1].lessonIds, 'halsa/levnadsvanor', 'halsa/psykisk-halsa'],
      plannedHours: 23, // 8 + 12 + 2 × 6/4
      hasMissing: false,
    });
  });

  it('names missing modules and lessons instead of dropping them, and counts a covered lesson once', () => {
    const resolved = resolveAssignment(
      { modules: ['forsorja-sig', 'okand-modul'], lessons: ['forsorja-sig/a-kassa', 'aldras/pension', 'aldras/finns-inte', 'okand/lektion', 'aldras/aldreomsorg'] },
      outline,
    );
    expect(resolved.missingModules).toEqual(['okand-modul']);
    expect(resolved.missingLessons).toEqual(['aldras/finns-inte', 'okand/lektion']);
    expect(resolved.hasMissing).toBe(true);
    expect(resolved.lessonIds).toEqual([...outline[1].lessonIds, 'aldras/pension', 'aldras/aldreomsorg']);
    // 12 + 2 × 5/3 = 15.33…: prorated exactly, rounded once at the end; each lesson shows 1.7.
    expect(resolved.plannedHours).toBe(15.3);
    expect(resolved.items.filter((item) => item.kind === 'lesson').map((item) => item.hours)).toEqual([1.7, 1.7]);
  });

  it('an assignment of only unknown items resolves to nothing, with everything named', () => {
    const resolved = resolveAssignment({ modules: ['x'], lessons: ['y/z'] }, outline);
    expect(resolved).toMatchObject({ items: [], lessonIds: [], plannedHours: 0, missingModules: ['x'], missingLessons: ['y/z'] });
  });

  it('checks the site an assignment was made for', () => {
    expect(isForSite(assignment, 'demo')).toBe(true);
    expect(isForSite(assignment, 'trelleborg')).toBe(false);
    expect(isForSite({ site: undefined }, 'trelleborg')).toBe(true);
  });
});

describe('progress on an assignment', () => {
  it('counts completed lessons per item and in all', () => {
    let store = emptyProgress('demo', now);
    for (const id of ['komma-till-sverige/valkommen-till-sverige', 'komma-till-sverige/uppehallstillstand', 'forsorja-sig/soka-jobb', 'halsa/psykisk-halsa', 'halsa/varden-i-sverige', 'aldras/pension']) {
      store = setCompleted(store, id, true, now);
    }
    const progress = assignmentProgress(store, resolveAssignment(assignment, outline));
    expect(progress).toEqual({
      items: [
        { kind: 'module', id: 'komma-till-sverige', completed: 2, total: 2, done: true },
        { kind: 'module', id: 'forsorja-sig', completed: 1, total: 3, done: false },
        { kind: 'lesson', id: 'halsa/levnadsvanor', completed: 0, total: 1, done: false },
        { kind: 'lesson', id: 'halsa/psykisk-halsa', completed: 1, total: 1, done: true },
      ],
      completed: 4, // halsa/varden-i-sverige and aldras/pension are not assigned
      total: 7,
      done: false,
    });
  });

  it('is done when every assigned lesson the site has is completed', () => {
    let store = emptyProgress('demo', now);
    store = setCompleted(store, 'halsa/levnadsvanor', true, now);
    const resolved = resolveAssignment({ modules: ['okand'], lessons: ['halsa/levnadsvanor'] }, outline);
    expect(assignmentProgress(store, resolved)).toMatchObject({ completed: 1, total: 1, done: true });
    expect(assignmentProgress(store, resolveAssignment({ modules: ['okand'], lessons: [] }, outline))).toMatchObject({ completed: 0, total: 0, done: false });
  });
});
