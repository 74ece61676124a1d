#!/usr/bin/env node
/**
 * `npm run i18n:status`: per locale, the lessons translated, machine-made, reviewed, outdated (the
 * source changed since the translation) and missing, and the UI strings missing. Writes the same as
 * JSON to `reports/i18n-status.json` for tooling.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../src/lib/site/files.ts';
import { formatStatusTable, translationStatus } from '../src/lib/i18n/status.ts';

const locales: Array<{ code: string }> = JSON.parse(readFileSync('content/locales.json', 'utf8'));
const lessons = new Map(
  listFiles('content/lessons').filter((f) => f.endsWith('.mdx')).map((f) => [`content/lessons/${f}`, readFileSync(join('content/lessons', f), 'utf8')] as const),
);
const ui = new Map(locales.map((l) => [l.code, JSON.parse(readFileSync(`src/i18n/ui/${l.code}.json`, 'utf8')) as Record<string, string>] as const));
const rows = translationStatus(locales.map((l) => l.code), lessons, ui);
console.log(formatStatusTable(rows));
for (const row of rows.filter((r) => r.missing.length && r.missing.length < r.total)) {
  console.log(`\n${row.locale}: falls back to the source for ${row.missing.length} lessons: ${row.missing.join(', ')}`);
}
for (const row of rows.filter((r) => r.outdated.length)) {
  console.log(`\n${row.locale}: outdated (the source changed since the translation) for ${row.outdated.length} lessons: ${row.outdated.join(', ')}`);
}
mkdirSync('reports', { recursive: true });
writeFileSync('reports/i18n-status.json', `${JSON.stringify({ generatedAt: new Date().toISOString(), locales: rows }, null, 2)}\n`);
console.log('\nWrote reports/i18n-status.json');
