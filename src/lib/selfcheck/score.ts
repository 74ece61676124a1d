/** Scoring a self-check. Pure; the quiz's script wires it to the form. */

export interface SelfCheckOutcome {
  /** False until every question has an answer. */
  complete: boolean;
  /** Right answers. */
  score: number;
  total: number;
  /** Per question: answered right or not. */
  right: boolean[];
}

/**
 * Compares the chosen option of each question (null when unanswered) with the right ones.
 *
 * @example scoreSelfCheck([1, 0, null], [1, 2, 0]) // { complete: false, score: 1, total: 3, right: [true, false, false] }
 */
export function scoreSelfCheck(chosen: ReadonlyArray<number | null>, answers: readonly number[]): SelfCheckOutcome {
  const right = answers.map((answer, i) => chosen[i] === answer);
  return {
    complete: answers.every((_, i) => chosen[i] !== null && chosen[i] !== undefined),
    score: right.filter(Boolean).length,
    total: answers.length,
    right,
  };
}
