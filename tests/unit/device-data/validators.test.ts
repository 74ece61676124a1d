import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { jsonSchemaFor, PUBLISHED, validatorExport, validatorFile, validatorSource, VALIDATED, VALIDATORS_DIR } from '../../../scripts/write-schemas.ts';
import { isProgressStoreV1 } from '../../../src/lib/device-data/validators/progress-store-v1.generated.ts';
import { isSurveyFileV1 } from '../../../src/lib/device-data/validators/survey-file-v1.generated.ts';
import { emptyProgress } from '../../../src/lib/progress/definitions.ts';
import { MAX_JSON_DEPTH } from '../../../src/lib/text/markup.ts';
import { z } from 'astro/zod';

describe('published schemas and the browser validators', () => {
  it('the committed JSON Schemas are the ones generated from the zod schemas', () => {
    for (const name of Object.keys(PUBLISHED) as Array<keyof typeof PUBLISHED>) {
      expect(JSON.parse(readFileSync(`public/schemas/${name}`, 'utf8')), name).toEqual(jsonSchemaFor(name));
    }
  });

  it('the committed validators are the ones generated from the zod schemas, one module each (run npm run schemas)', async () => {
    const names = Object.keys(VALIDATED) as Array<keyof typeof VALIDATED>;
    expect(readdirSync(VALIDATORS_DIR).sort()).toEqual(names.map((name) => validatorFile(name).split('/').pop()).sort());
    for (const name of names) {
      expect(readFileSync(validatorFile(name), 'utf8'), name).toBe(validatorSource(name));
      const module = (await import(`../../../${validatorFile(name)}`)) as Record<string, unknown>;
      expect(typeof module[validatorExport(name)], name).toBe('function');
    }
  });

  it('names the first problem by path and keyword, for reports', () => {
    expect(isProgressStoreV1.describe({ version: 1 })).toMatch(/^\(root\): fails "required"$/);
    expect(isProgressStoreV1.describe(emptyProgress('demo', new Date()))).toBeNull();
  });

  it('agrees with zod on valid and invalid progress', () => {
    const now = new Date('2026-11-05T08:00:00.000Z');
    const samples: unknown[] = [
      emptyProgress('demo', now),
      { ...emptyProgress('demo', now), lessons: { 'a/b': { completedAt: now.toISOString() } } },
      { ...emptyProgress('demo', now), lessons: { 'A/b': {} } },
      { ...emptyProgress('demo', now), updatedAt: '2026-13-01T00:00:00Z' },
      { ...emptyProgress('demo', now), extra: 1 },
      { ...emptyProgress('demo', now), version: 2 },
      { ...emptyProgress('demo', now), lessons: { 'a/b': { selfCheck: { latest: { score: 1, total: 0, at: now.toISOString() }, best: { score: 1, total: 2, at: now.toISOString() } } } } },
      null,
      [],
    ];
    for (const sample of samples) {
      expect(isProgressStoreV1(sample), JSON.stringify(sample)).toBe(VALIDATED.progressStoreV1.safeParse(sample).success);
    }
  });

  it('agrees with zod on survey answers of every type (the answer union is checked in one pass)', () => {
    const response = { responseId: '00000000-0000-4000-8000-000000000001', surveyId: 'course', surveyVersion: 2, locale: 'sv', date: '2026-10-01' };
    const file = (answers: unknown, extra: object = {}) => ({ $schema: '/schemas/survey-response.v1.json', schemaVersion: 1, kind: 'orienta.survey-responses', siteId: 'demo', exportedAt: '2026-10-02', responses: [{ ...response, answers, ...extra }] });
    const answers: unknown[] = [1, 5, 0, 6, 2.5, '3', 'option-id', 'fri text', '<script>x</script>', ['a', 'b'], [], ['a', 7], [['a']], { a: 1 }, null, true, 'x'.repeat(2001)];
    const samples = [
      ...answers.map((answer) => file({ q: answer })),
      file({ q: 1 }, { phase: 'before', pairingId: '00000000-0000-4000-8000-000000000002' }),
      file({ q: 1 }, { phase: 'before' }),
      file({ q: 1 }, { pairingId: '00000000-0000-4000-8000-000000000002' }),
    ];
    for (const sample of samples) {
      expect(isSurveyFileV1(sample), JSON.stringify(sample).slice(0, 200)).toBe(VALIDATED.surveyFileV1.safeParse(sample).success);
    }
  });

  it('every validated shape is closed and shallow, so a file that passes its schema needs no depth check', () => {
    // Depth of the deepest value a schema admits, in JSON nesting levels; Infinity when open.
    const depthOf = (schema: unknown, defs: Record<string, unknown>, seen: string[]): number => {
      if (schema === false) return 0;
      if (schema === true || !schema || typeof schema !== 'object') return Infinity;
      const node = schema as Record<string, unknown>;
      if (typeof node.$ref === 'string') {
        const name = node.$ref.split('/').pop()!;
        return seen.includes(name) ? Infinity : depthOf(defs[name], defs, [...seen, name]);
      }
      const alternatives = [...((node.anyOf as unknown[]) ?? []), ...((node.oneOf as unknown[]) ?? [])];
      if (alternatives.length) return Math.max(...alternatives.map((branch) => depthOf(branch, defs, seen)));
      const types = ([] as unknown[]).concat(node.type ?? []);
      if (types.length === 0 && node.const === undefined && node.enum === undefined) return Infinity;
      let deepest = 0;
      if (types.includes('object')) {
        const children = [...Object.values((node.properties as Record<string, unknown>) ?? {}), node.additionalProperties ?? true];
        deepest = Math.max(deepest, 1 + Math.max(0, ...children.map((child) => depthOf(child, defs, seen))));
      }
      if (types.includes('array')) {
        // A tuple lists its items' schemas, then what may follow them.
        const items = Array.isArray(node.items) ? [...node.items, node.additionalItems ?? true] : [node.items ?? true];
        deepest = Math.max(deepest, 1 + Math.max(...items.map((item) => depthOf(item, defs, seen))));
      }
      return deepest;
    };
    for (const [name, schema] of Object.entries(VALIDATED)) {
      const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
      const defs = { ...((json.definitions as Record<string, unknown>) ?? {}), ...((json.$defs as Record<string, unknown>) ?? {}) };
      expect(depthOf(json, defs, []), name).toBeLessThanOrEqual(MAX_JSON_DEPTH);
    }
  });
});
