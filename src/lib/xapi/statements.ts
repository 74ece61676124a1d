/**
 * Progress as xAPI 1.0.3 statements, for schools that keep a learning record store: one
 * "completed" statement per completed lesson and one "scored" statement per self-check (the best
 * score). The actor is pseudonymous: an account named by the device's random passport id on the
 * site's address; no name goes into a statement.
 *
 * Statement ids are derived from the passport id, the lesson and the verb (a version 8 UUID,
 * RFC 9562), so exporting again gives the same ids and a record store that already holds a
 * statement does not count it twice.
 */
import { textHash } from '../text/hash.ts';

/** A lesson's progress as the export needs it. */
export interface XapiLesson {
  id: string;
  title: string;
  completedAt?: string;
  selfCheck?: { score: number; total: number; at: string };
}

export interface XapiInput {
  passportId: string;
  /** The site's absolute address with its base: the account's home page. */
  siteUrl: string;
  /** The language the lesson titles are in (a locale code). */
  locale: string;
  /** The absolute address of a lesson: its activity id. */
  lessonUrl(lessonId: string): string;
  lessons: XapiLesson[];
}

export const XAPI_VERSION = '1.0.3';
export const VERB_COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
export const VERB_SCORED = 'http://adlnet.gov/expapi/verbs/scored';
export const ACTIVITY_LESSON = 'http://adlnet.gov/expapi/activities/lesson';
export const ACTIVITY_ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';

/** A name-based UUID (version 8, RFC 9562) from a text: the same text gives the same id. */
export function stableUuid(text: string): string {
  const hex = [0, 1, 2, 3].map((salt) => textHash(`${salt}\u0000${text}`)).join('').split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The statements, oldest first. */
export function xapiStatements(input: XapiInput): Array<Record<string, unknown>> {
  const actor = { objectType: 'Agent', account: { homePage: input.siteUrl, name: input.passportId } };
  const language = input.locale.split('-')[0]!;
  const statements: Array<Record<string, unknown> & { timestamp: string }> = [];
  for (const lesson of input.lessons) {
    const lessonActivity = { objectType: 'Activity', id: input.lessonUrl(lesson.id), definition: { name: { [language]: lesson.title }, type: ACTIVITY_LESSON } };
    if (lesson.completedAt) {
      statements.push({
        id: stableUuid(`${input.passportId} ${lesson.id} completed`),
        actor,
        verb: { id: VERB_COMPLETED, display: { en: 'completed' } },
        object: lessonActivity,
        result: { completion: true },
        context: { platform: 'Orienta', language },
        timestamp: lesson.completedAt,
        version: XAPI_VERSION,
      });
    }
    if (lesson.selfCheck) {
      const { score, total, at } = lesson.selfCheck;
      statements.push({
        id: stableUuid(`${input.passportId} ${lesson.id} scored`),
        actor,
        verb: { id: VERB_SCORED, display: { en: 'scored' } },
        object: { objectType: 'Activity', id: `${lessonActivity.id}#self-check`, definition: { name: { [language]: lesson.title }, type: ACTIVITY_ASSESSMENT } },
        result: { score: { raw: score, min: 0, max: total, scaled: Math.round((score / total) * 1000) / 1000 } },
        context: { platform: 'Orienta', language, contextActivities: { parent: [{ objectType: 'Activity', id: lessonActivity.id }] } },
        timestamp: at,
        version: XAPI_VERSION,
      });
    }
  }
  return statements.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}
