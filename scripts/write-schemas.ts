#!/usr/bin/env node
/**
 * Writes, from the zod schemas, (1) the JSON Schemas of exported files into `public/schemas/` and
 * (2) the browser's validators into `src/lib/device-data/validators/*.generated.ts`, compiled from
 * those same JSON Schemas by Ajv. The published contract and the code that enforces it in the
 * browser therefore cannot drift, and zod never ships to a page. A unit test fails if the
 * committed files differ from what this script writes. Run: `npm run schemas`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'astro/zod';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { progressExportV1Schema, progressExportV2Schema, progressStoreV1Schema } from '../src/schemas/progress.ts';
import { passportStoreV1Schema } from '../src/schemas/passport.ts';
import { groupStoreV1Schema } from '../src/schemas/group.ts';
import { surveyPartialFileSchema } from '../src/schemas/survey-partial.ts';
import { surveyExportFileSchema, surveyStoreV1Schema } from '../src/schemas/survey-response.ts';
import { assignmentSchema, assignmentStoreV1Schema } from '../src/schemas/assignment.ts';
import { visitsStoreV1Schema } from '../src/schemas/visits.ts';
import { preferencesStoreV1Schema } from '../src/schemas/preferences.ts';
import { cardFileV1Schema, cardStoreV1Schema } from '../src/schemas/competence-card.ts';
import { audioManifestV1Schema } from '../src/schemas/audio.ts';

/** Schemas of exported files, published under `/schemas/<name>`. */
export const PUBLISHED = {
  'progress.v1.json': { schema: progressExportV1Schema, title: 'Orienta progress export, version 1 (still read)' },
  'progress.v2.json': { schema: progressExportV2Schema, title: 'Orienta progress export, version 2: version 1 plus the random passport id of the device' },
  'survey-response.v1.json': { schema: surveyExportFileSchema, title: "Orienta survey answers, version 1: a participant's anonymous answers; no names, nothing that identifies a device, no time finer than a day" },
  'competence-card.v1.json': { schema: cardFileV1Schema, title: "Orienta competence card, version 1: a participant's education, work, languages, licences, skills and planned steps, free text in their own language" },
  'survey-partial.v1.json': { schema: surveyPartialFileSchema, title: 'Orienta partial survey summary, version 1: exact counts without suppression, to merge with other municipalities; not for publication' },
  'audio-manifest.v1.json': { schema: audioManifestV1Schema, title: "Orienta audio manifest, version 1: a lesson's recorded paragraphs in one language, each tied to the text it reads by a hash" },
} as const satisfies Record<string, { schema: z.ZodType; title: string }>;

/** Every shape the browser validates, by the name of its generated validator. */
export const VALIDATED = {
  progressStoreV1: progressStoreV1Schema,
  progressFileV2: progressExportV2Schema,
  passportStoreV1: passportStoreV1Schema,
  groupStoreV1: groupStoreV1Schema,
  surveyPartialV1: surveyPartialFileSchema,
  assignmentV1: assignmentSchema,
  assignmentStoreV1: assignmentStoreV1Schema,
  surveyStoreV1: surveyStoreV1Schema,
  surveyFileV1: surveyExportFileSchema,
  visitsStoreV1: visitsStoreV1Schema,
  preferencesStoreV1: preferencesStoreV1Schema,
  cardStoreV1: cardStoreV1Schema,
  cardFileV1: cardFileV1Schema,
  audioManifestV1: audioManifestV1Schema,
} as const satisfies Record<string, z.ZodType>;

/** The TypeScript type each validator proves, and the schema module that exports it. */
const VALIDATED_TYPES: Record<keyof typeof VALIDATED, [type: string, module: string]> = {
  progressStoreV1: ['ProgressStore', 'progress.ts'],
  progressFileV2: ['ProgressExport', 'progress.ts'],
  passportStoreV1: ['PassportStore', 'passport.ts'],
  groupStoreV1: ['GroupStore', 'group.ts'],
  surveyPartialV1: ['SurveyPartialFile', 'survey-partial.ts'],
  assignmentV1: ['Assignment', 'assignment.ts'],
  assignmentStoreV1: ['AssignmentStore', 'assignment.ts'],
  surveyStoreV1: ['SurveyStoreV1', 'survey-response.ts'],
  surveyFileV1: ['SurveyExportFile', 'survey-response.ts'],
  visitsStoreV1: ['VisitsStore', 'visits.ts'],
  preferencesStoreV1: ['Preferences', 'preferences.ts'],
  cardStoreV1: ['CardStore', 'competence-card.ts'],
  cardFileV1: ['CardFile', 'competence-card.ts'],
  audioManifestV1: ['AudioManifest', 'audio.ts'],
};

/** Folder of the generated validators: one module each, so a page bundles only those it imports. */
export const VALIDATORS_DIR = 'src/lib/device-data/validators';

/** `progressStoreV1` → `progress-store-v1.generated.ts`. */
export function validatorFile(name: keyof typeof VALIDATED): string {
  return `${VALIDATORS_DIR}/${name.replace(/[A-Z]|(?<=[a-z])(?=\d)/g, (c) => `-${c.toLowerCase()}`)}.generated.ts`;
}

/** `progressStoreV1` → `isProgressStoreV1`, the name its module exports. */
export const validatorExport = (name: string) => `is${name[0]!.toUpperCase()}${name.slice(1)}`;

/** The JSON Schema document of a zod schema (draft 2020-12). */
export function jsonSchemaOf(schema: z.ZodType, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...extra, ...generated };
}

/**
 * The same schema as draft-07, for the validators: it says the same for these shapes, and Ajv's
 * draft-07 code carries no evaluation bookkeeping, so a page bundles only the validators it uses.
 */
function draft07Of(schema: z.ZodType, id: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  return { ...(mergeTypedAlternatives(generated) as Record<string, unknown>), $id: id };
}

/** Keywords that constrain only values of one JSON type, so branches of different types never share them. */
const KEYWORDS_OF_TYPE: Record<string, readonly string[]> = {
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  array: ['items', 'minItems', 'maxItems', 'uniqueItems'],
};

/**
 * Rewrites `anyOf: [{type: integer, …}, {type: string, …}, {type: array, …}]` as one schema with
 * `type: [integer, string, array]` and each branch's keywords. JSON Schema applies those keywords
 * only to values of their type, so the two say exactly the same; the merged one is checked in one
 * pass, where Ajv would try the branches in turn and build an error object for each miss (the
 * survey answers are such a union, and the report validates a million of them).
 */
function mergeTypedAlternatives(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(mergeTypedAlternatives);
  if (!node || typeof node !== 'object') return node;
  const walked = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, mergeTypedAlternatives(value)]));
  const branches = walked.anyOf;
  if (!Array.isArray(branches)) return walked;
  const types = branches.map((branch) => (branch && typeof branch === 'object' ? (branch as Record<string, unknown>).type : undefined));
  const mergeable =
    types.every((type) => typeof type === 'string' && type in KEYWORDS_OF_TYPE) &&
    new Set(types).size === types.length &&
    !(types.includes('integer') && types.includes('number')) &&
    branches.every((branch, i) => Object.keys(branch as object).every((key) => key === 'type' || key === 'description' || KEYWORDS_OF_TYPE[types[i] as string]!.includes(key)));
  if (!mergeable) return walked;
  const { anyOf: _alternatives, ...rest } = walked;
  const merged: Record<string, unknown> = { ...rest, type: types };
  for (const branch of branches as Array<Record<string, unknown>>) {
    for (const [key, value] of Object.entries(branch)) if (key !== 'type' && key !== 'description') merged[key] = value;
  }
  return merged;
}

/** The JSON Schema document for one published file. */
export function jsonSchemaFor(name: keyof typeof PUBLISHED): Record<string, unknown> {
  const { schema, title } = PUBLISHED[name];
  return jsonSchemaOf(schema, { $id: `/schemas/${name}`, title });
}

/**
 * Removes the `params` and `schemaPath` of Ajv's error objects, which the browser never shows
 * (a refused file is named by its reason; `describe()` gives path and keyword): they carry whole
 * patterns and schema fragments and made up a third of a validator's size. Scans string literals,
 * since patterns contain braces.
 */
function slimErrors(code: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = code.indexOf(',params:{', i);
    if (at === -1) return (out + code.slice(i)).replace(/,schemaPath:"(?:[^"\\]|\\.)*"/g, '');
    out += code.slice(i, at);
    let depth = 0;
    let j = at + ',params:'.length;
    for (; j < code.length; j++) {
      const c = code[j];
      if (c === '"') {
        for (j++; code[j] !== '"'; j++) if (code[j] === '\\') j++;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    i = j + 1;
  }
}

/** The source of one generated validator module. */
export function validatorSource(name: keyof typeof VALIDATED): string {
  const ajv = new Ajv({
    code: { source: true, esm: true, lines: false },
    // Formats are enforced by the patterns zod writes beside them; no format code in the browser.
    validateFormats: false,
    allErrors: false,
    strict: false,
    messages: false,
  });
  ajv.addSchema(draft07Of(VALIDATED[name], name), name);
  let code = standaloneCode(ajv, { [name]: name });
  // Ajv emits a CommonJS require for its code-point counter even in ESM mode; inline it.
  code = code.replaceAll('require("ajv/dist/runtime/ucs2length").default', 'ucs2length');
  if (/require\(/.test(code)) throw new Error('generated validators still require a module; inline it in write-schemas.ts');
  const [type, module] = VALIDATED_TYPES[name];
  return [
    '// @ts-nocheck',
    '/* eslint-disable */',
    '// Generated by `npm run schemas` from the zod schemas in src/schemas/. Do not edit.',
    `import type { ${type} } from '../../../schemas/${module}';`,
    "import { wrap } from '../validate.ts';",
    '/** Counts code points, as JSON Schema counts string length. */',
    'function ucs2length(text) { let n = text.length; for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n--; i++; } } return n; }',
    slimErrors(code.replace(/^"use strict";/, '')).replace(`export const ${name} = `, 'const generated = '),
    `/** Checks a value against the \`${name}\` schema (generated from its zod schema). */`,
    `export const ${validatorExport(name)} = /* @__PURE__ */ wrap<${type}>(generated);`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of Object.keys(PUBLISHED) as Array<keyof typeof PUBLISHED>) {
    writeFileSync(`public/schemas/${name}`, `${JSON.stringify(jsonSchemaFor(name), null, 2)}\n`);
    console.log(`public/schemas/${name}`);
  }
  rmSync(VALIDATORS_DIR, { recursive: true, force: true });
  mkdirSync(VALIDATORS_DIR, { recursive: true });
  for (const name of Object.keys(VALIDATED) as Array<keyof typeof VALIDATED>) {
    writeFileSync(validatorFile(name), validatorSource(name));
    console.log(validatorFile(name));
  }
}
