import { describe, expect, it } from 'vitest';
import { lessonMark, nextStep, type StepOutline } from '../../../src/lib/progress/next-step.ts';

const outline: StepOutline = {
  modules: [
    { id: 'a', lessons: [{ id: 'a/1' }, { id: 'a/2' }, { id: 'a/3' }] },
    { id: 'b', lessons: [{ id: 'b/1' }, { id: 'b/2' }] },
    { id: 'c', lessons: [{ id: 'c/1' }] },
  ],
};
const at = '2026-11-01T10:00:00.000Z';
const progress = (completed: string[], last?: string) => ({
  lessons: Object.fromEntries(completed.map((id) => [id, { completedAt: at }])),
  ...(last ? { lastLesson: { id: last, locale: 'sv', at } } : {}),
});

describe('the home page\'s primary action', () => {
  it('starts the course when nothing is done', () => {
    expect(nextStep(outline, progress([]))).toEqual({ kind: 'start', lessonId: 'a/1' });
  });

  it('never offers a completed lesson: the last lesson opened is done, so the next one in its module', () => {
    expect(nextStep(outline, progress(['b/1'], 'b/1'))).toEqual({ kind: 'continue', lessonId: 'b/2', from: 'module' });
  });

  it('goes back to an unfinished lesson earlier in the module before leaving it', () => {
    expect(nextStep(outline, progress(['a/2', 'a/3'], 'a/3'))).toEqual({ kind: 'continue', lessonId: 'a/1', from: 'module' });
  });

  it('moves on to the next module when the module is done, and round to the start', () => {
    expect(nextStep(outline, progress(['b/1', 'b/2'], 'b/2'))).toEqual({ kind: 'continue', lessonId: 'c/1', from: 'course' });
    expect(nextStep(outline, progress(['b/1', 'b/2', 'c/1'], 'c/1'))).toEqual({ kind: 'continue', lessonId: 'a/1', from: 'course' });
  });

  it('follows the newest assignment that is not finished, over the last lesson', () => {
    const assignments = [
      { modules: ['c'], lessons: [], receivedAt: '2026-10-01T00:00:00Z' },
      { modules: [], lessons: ['b/2', 'a/3'], receivedAt: '2026-10-20T00:00:00Z' },
    ];
    expect(nextStep(outline, progress(['a/1'], 'a/1'), assignments)).toEqual({ kind: 'continue', lessonId: 'a/3', from: 'assignment' });
    // The newest is finished: the older one.
    expect(nextStep(outline, progress(['a/1', 'a/3', 'b/2'], 'a/1'), assignments)).toEqual({ kind: 'continue', lessonId: 'c/1', from: 'assignment' });
  });

  it('says done when every lesson is completed, and empty for a course without lessons', () => {
    expect(nextStep(outline, progress(['a/1', 'a/2', 'a/3', 'b/1', 'b/2', 'c/1'], 'c/1'))).toEqual({ kind: 'done' });
    expect(nextStep({ modules: [] }, progress([]))).toEqual({ kind: 'empty' });
  });

  it('treats a last lesson the course no longer has as no last lesson', () => {
    expect(nextStep(outline, progress(['a/1'], 'gone/lesson'))).toEqual({ kind: 'continue', lessonId: 'a/2', from: 'course' });
  });
});

describe('lesson marks', () => {
  it('done, started (opened, self-checked or last) or none', () => {
    const p = { lessons: { 'a/1': { completedAt: at }, 'a/2': { selfCheck: { latest: { score: 1, total: 2, at }, best: { score: 1, total: 2, at } } } }, lastLesson: { id: 'b/1', locale: 'sv', at } };
    expect(lessonMark('a/1', p, new Set())).toBe('done');
    expect(lessonMark('a/2', p, new Set())).toBe('started');
    expect(lessonMark('b/1', p, new Set())).toBe('started');
    expect(lessonMark('a/3', p, new Set(['a/3']))).toBe('started');
    expect(lessonMark('c/1', p, new Set())).toBe('none');
  });
});
