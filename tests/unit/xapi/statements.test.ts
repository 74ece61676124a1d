/**
 * The xAPI export checked against the statement rules of xAPI 1.0.3 (Part Two, "Experience API
 * Data"): the requirements an LRS enforces on the properties this export writes.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { stableUuid, xapiStatements, XAPI_VERSION } from '../../../src/lib/xapi/statements.ts';

const iri = z.string().refine((value) => {
  try {
    return Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'an absolute IRI');
const languageTag = z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'an RFC 5646 language tag');
const languageMap = z.record(languageTag, z.string());
const activity = z.object({ objectType: z.literal('Activity').optional(), id: iri, definition: z.object({ name: languageMap.optional(), description: languageMap.optional(), type: iri.optional() }).strict().optional() }).strict();
const agent = z
  .object({
    objectType: z.literal('Agent').optional(),
    name: z.string().optional(),
    mbox: z.string().startsWith('mailto:').optional(),
    mbox_sha1sum: z.string().regex(/^[0-9a-f]{40}$/).optional(),
    openid: iri.optional(),
    account: z.object({ homePage: iri, name: z.string().min(1) }).strict().optional(),
  })
  .strict()
  .refine((a) => [a.mbox, a.mbox_sha1sum, a.openid, a.account].filter(Boolean).length === 1, 'exactly one inverse functional identifier');
const score = z
  .object({ scaled: z.number().min(-1).max(1).optional(), raw: z.number().optional(), min: z.number().optional(), max: z.number().optional() })
  .strict()
  .refine((s) => s.min === undefined || s.max === undefined || s.min < s.max, 'min < max')
  .refine((s) => s.raw === undefined || ((s.min === undefined || s.raw >= s.min) && (s.max === undefined || s.raw <= s.max)), 'min ≤ raw ≤ max');
const statementRules = z
  .object({
    id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'a UUID'),
    actor: agent,
    verb: z.object({ id: iri, display: languageMap.optional() }).strict(),
    object: activity,
    result: z.object({ score: score.optional(), success: z.boolean().optional(), completion: z.boolean().optional(), response: z.string().optional(), duration: z.string().optional() }).strict().optional(),
    context: z
      .object({
        registration: z.string().optional(),
        platform: z.string().optional(),
        language: languageTag.optional(),
        contextActivities: z.object({ parent: z.array(activity).optional(), grouping: z.array(activity).optional(), category: z.array(activity).optional(), other: z.array(activity).optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    timestamp: z.iso.datetime({ offset: true }),
    version: z.string().regex(/^1\.0\.\d+$/),
  })
  .strict();

const input = {
  passportId: '0123456789abcdef',
  siteUrl: 'https://exempelby.se/so/',
  locale: 'sv-easy',
  lessonUrl: (id: string) => `https://exempelby.se/so/sv-easy/${id}/`,
  lessons: [
    { id: 'forsorja-sig/a-kassa', title: 'A-kassan', completedAt: '2026-12-01T10:00:00.000Z', selfCheck: { score: 3, total: 4, at: '2026-11-30T09:00:00.000Z' } },
    { id: 'aldras/pension', title: 'Pension', selfCheck: { score: 0, total: 5, at: '2026-12-02T09:00:00.000Z' } },
  ],
};

describe('xAPI statements', () => {
  const statements = xapiStatements(input);

  it('follow the xAPI 1.0.3 statement rules', () => {
    for (const statement of statements) {
      const checked = statementRules.safeParse(statement);
      expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
    }
  });

  it('are one per completed lesson and one per self-check, oldest first, with no name in them', () => {
    expect(statements.map((s) => [(s.verb as { id: string }).id.split('/').pop(), (s.object as { id: string }).id])).toEqual([
      ['scored', 'https://exempelby.se/so/sv-easy/forsorja-sig/a-kassa/#self-check'],
      ['completed', 'https://exempelby.se/so/sv-easy/forsorja-sig/a-kassa/'],
      ['scored', 'https://exempelby.se/so/sv-easy/aldras/pension/#self-check'],
    ]);
    expect(statements[0]!.result).toEqual({ score: { raw: 3, min: 0, max: 4, scaled: 0.75 } });
    expect(statements.every((s) => (s.actor as { account: { name: string } }).account.name === input.passportId)).toBe(true);
    expect(JSON.stringify(statements)).not.toMatch(/Amina|participantName/);
    expect(statements.every((s) => s.version === XAPI_VERSION)).toBe(true);
  });

  it('have the same ids when exported again, and different ids for different statements', () => {
    expect(xapiStatements(input).map((s) => s.id)).toEqual(statements.map((s) => s.id));
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    expect(stableUuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a rule the validator must catch: two identifiers for the actor', () => {
    const bad = { ...statements[0], actor: { account: { homePage: 'https://x.se/', name: 'a' }, mbox: 'mailto:a@x.se' } };
    expect(statementRules.safeParse(bad).success).toBe(false);
  });
});
