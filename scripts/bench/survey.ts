/**
 * Synthetic survey export files ("Export survey answers") for the aggregation benchmark.
 *
 * Responses are valid for the survey definitions given (content/surveys/*.yaml): every required
 * question answered, likert points 1–5 skewed towards agreement, one to three options in multiple
 * choice, a short free text in one response of ten. Module surveys name a module; self-assessments
 * come in before/after pairs with a shared pairing id, as a participant's device exports them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './synthetic.ts';

/** The parts of a survey definition the generator needs (a subset of src/schemas/survey.ts). */
export interface SurveyShape {
  id: string;
  version: number;
  kind: string;
  questions: { id: string; type: string; required?: boolean; options?: { id: string }[] }[];
}

export type Answer = number | string | string[];

export interface SyntheticResponse {
  responseId: string;
  surveyId: string;
  surveyVersion: number;
  locale: string;
  moduleId?: string;
  phase?: 'before' | 'after';
  pairingId?: string;
  date: string;
  answers: Record<string, Answer>;
}

const LOCALES = ['sv', 'sv', 'sv', 'en', 'ar', 'ar', 'fa', 'prs', 'so', 'ti', 'uk'];
export const MODULE_IDS = ['komma-till-sverige', 'bo-i-sverige', 'forsorja-sig', 'rattigheter-skyldigheter', 'familj-och-barn', 'paverka', 'halsa', 'aldras'];
const TEXTS = [
  'Mer tid för frågor i gruppen.',
  'More examples about finding a job, please.',
  'أريد المزيد من الزيارات الدراسية.',
  'Больше информации о работе.',
  'ተወሳኺ ግዜ ንዘተ።',
  'Bra lärare, tack!',
];

/** Writes responses for `surveys`, deterministic for a seed. */
export class ResponseFactory {
  private readonly random: () => number;
  private readonly surveys: SurveyShape[];
  private counter = 0;
  /** A self-assessment "before" waiting for its "after". */
  private pendingPair: SyntheticResponse | null = null;

  constructor(surveys: SurveyShape[], seed = 1) {
    // The latest version of each survey id.
    const latest = new Map<string, SurveyShape>();
    for (const s of surveys) if ((latest.get(s.id)?.version ?? 0) < s.version) latest.set(s.id, s);
    this.surveys = [...latest.values()].sort((a, b) => a.id.localeCompare(b.id));
    if (this.surveys.length === 0) throw new Error('no survey definitions');
    this.random = seededRandom(seed);
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  /** A lower-case version-4 UUID from the PRNG. */
  uuid(): string {
    const hex = (n: number) => Array.from({ length: n }, () => this.int(16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[this.int(4)]}${hex(3)}-${hex(12)}`;
  }

  private likert(): number {
    // Skewed towards 4 and 5, as course evaluations are.
    const r = this.random();
    return r < 0.05 ? 1 : r < 0.12 ? 2 : r < 0.3 ? 3 : r < 0.65 ? 4 : 5;
  }

  private answers(survey: SurveyShape): Record<string, Answer> {
    const answers: Record<string, Answer> = {};
    for (const q of survey.questions) {
      if (!q.required && this.random() < 0.1) continue;
      if (q.type === 'likert5') answers[q.id] = this.likert();
      else if (q.type === 'single') answers[q.id] = q.options![this.int(q.options!.length)]!.id;
      else if (q.type === 'multiple') {
        const ids = q.options!.map((o) => o.id);
        const n = 1 + this.int(Math.min(3, ids.length));
        const chosen = new Set<string>();
        while (chosen.size < n) chosen.add(ids[this.int(ids.length)]!);
        answers[q.id] = ids.filter((id) => chosen.has(id));
      } else if (q.type === 'text') {
        if (q.required || this.random() < 0.1) answers[q.id] = TEXTS[this.int(TEXTS.length)]!;
      }
    }
    return answers;
  }

  private date(): string {
    const month = 1 + this.int(12);
    const day = 1 + this.int(28);
    // Answers lie in the past: files dated in the future are refused.
    return `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  /** The next response. */
  next(): SyntheticResponse {
    this.counter++;
    if (this.pendingPair) {
      const before = this.pendingPair;
      this.pendingPair = null;
      const survey = this.surveys.find((s) => s.id === before.surveyId)!;
      return { ...before, responseId: this.uuid(), phase: 'after', date: before.date.replace(/^2024/, '2025'), answers: this.answers(survey) };
    }
    const survey = this.surveys[this.int(this.surveys.length)]!;
    const response: SyntheticResponse = {
      responseId: this.uuid(),
      surveyId: survey.id,
      surveyVersion: survey.version,
      locale: LOCALES[this.int(LOCALES.length)]!,
      date: this.date(),
      answers: this.answers(survey),
    };
    if (survey.kind === 'module') response.moduleId = MODULE_IDS[this.int(MODULE_IDS.length)];
    if (survey.kind === 'self-assessment') {
      response.phase = 'before';
      response.pairingId = this.uuid();
      // Most participants answer again at the end.
      if (this.random() < 0.8) this.pendingPair = response;
    }
    return response;
  }

  /** The text of one export file with `count` responses. */
  exportFile(count: number): string {
    const responses = Array.from({ length: count }, () => this.next());
    return JSON.stringify({
      $schema: '/schemas/survey-response.v1.json',
      schemaVersion: 1,
      kind: 'orienta.survey-responses',
      siteId: 'demo',
      exportedAt: '2025-12-31',
      responses,
    });
  }
}

/** Splits `total` into file sizes of `perFile` (the last one smaller). */
export function fileSizes(total: number, perFile: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0; left -= perFile) sizes.push(Math.min(perFile, left));
  return sizes;
}

/** Export file texts with `total` responses, `perFile` each. */
export function exportTexts(surveys: SurveyShape[], total: number, perFile: number, seed = 1): string[] {
  const factory = new ResponseFactory(surveys, seed);
  return fileSizes(total, perFile).map((n) => factory.exportFile(n));
}

/**
 * Writes `total` responses as files of `perFile` into `dir`, 100 files per sub-folder (as teachers
 * collect them per group). Returns the number of files and bytes written.
 */
export function writeExportFolder(dir: string, surveys: SurveyShape[], total: number, perFile: number, seed = 2): { files: number; bytes: number } {
  const factory = new ResponseFactory(surveys, seed);
  let files = 0;
  let bytes = 0;
  for (const n of fileSizes(total, perFile)) {
    const folder = join(dir, `group-${String(Math.floor(files / 100)).padStart(4, '0')}`);
    if (files % 100 === 0) mkdirSync(folder, { recursive: true });
    const text = factory.exportFile(n);
    writeFileSync(join(folder, `answers-${String(files).padStart(6, '0')}.json`), text);
    files++;
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
