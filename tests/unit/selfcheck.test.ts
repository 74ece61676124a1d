import { describe, expect, it } from 'vitest';
import { scoreSelfCheck } from '../../src/lib/selfcheck/score.ts';

describe('scoreSelfCheck', () => {
  it('scores complete answers', () => {
    expect(scoreSelfCheck([1, 2, 0], [1, 0, 0])).toEqual({ complete: true, score: 2, total: 3, right: [true, false, true] });
  });
  it('says when a question is unanswered', () => {
    expect(scoreSelfCheck([1, null, 0], [1, 0, 0]).complete).toBe(false);
    expect(scoreSelfCheck([], [1]).complete).toBe(false);
  });
});
