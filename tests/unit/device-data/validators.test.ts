import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor, PUBLISHED, validatorsSource, VALIDATORS_FILE, VALIDATED } from '../../../scripts/write-schemas.ts';
import * as validators from '../../../src/lib/device-data/validate.ts';
import { emptyProgress } from '../../../src/lib/progress/definitions.ts';

describe('published schemas and the browser validators', () => {
  it('the committed JSON Schemas are the ones generated from the zod schemas', () => {
    for (const name of Object.keys(PUBLISHED) as Array<keyof typeof PUBLISHED>) {
      expect(JSON.parse(readFileSync(`public/schemas/${name}`, 'utf8')), name).toEqual(jsonSchemaFor(name));
    }
  });

  it('the committed validators are the ones generated from the zod schemas (run npm run schemas)', () => {
    expect(readFileSync(VALIDATORS_FILE, 'utf8')).toBe(validatorsSource());
  });

  it('every validated shape has a typed validator', () => {
    const exported = Object.keys(validators).filter((name) => name.startsWith('is'));
    expect(exported).toHaveLength(Object.keys(VALIDATED).length);
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
      expect(validators.isProgressStoreV1(sample), JSON.stringify(sample)).toBe(VALIDATED.progressStoreV1.safeParse(sample).success);
    }
  });
});
