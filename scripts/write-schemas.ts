#!/usr/bin/env node
/**
 * Writes the JSON Schemas of exported files into `public/schemas/` from their zod schemas, so the
 * published schema and the validating code cannot drift. A unit test fails if the committed files
 * differ from what this script writes. Run: `npm run schemas`.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { progressExportV1Schema } from '../src/schemas/progress.ts';

/** Schemas published under /schemas/, by file name. */
export const PUBLISHED = {
  'progress.v1.json': { schema: progressExportV1Schema, title: 'Orienta progress export, version 1' },
} as const;

/** The JSON Schema document for one published file. */
export function jsonSchemaFor(name: keyof typeof PUBLISHED): Record<string, unknown> {
  const { schema, title } = PUBLISHED[name];
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `/schemas/${name}`, title, ...generated };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of Object.keys(PUBLISHED) as Array<keyof typeof PUBLISHED>) {
    writeFileSync(`public/schemas/${name}`, `${JSON.stringify(jsonSchemaFor(name), null, 2)}\n`);
    console.log(`public/schemas/${name}`);
  }
}
