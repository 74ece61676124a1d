#!/usr/bin/env node
/**
 * `npm run content:check [-- --lessons-only] [-- --only <path prefix>]`: checks the curriculum and
 * prints each problem with its file. `--lessons-only` skips the course-wide rules (lesson counts,
 * hours, answer spread, translation structure), for work in progress; `--only` prints only the
 * problems of files under a path (a translator's own files). Facts not checked for a year are
 * listed as warnings (`npm run facts:status`).
 */
import { checkCourse, checkLesson } from '../src/lib/content/check.ts';
import { readCardStepIds, readContentFiles, readFacts } from '../src/lib/content/files.ts';
import { factAgeDays, FACT_MAX_AGE_DAYS } from '../src/lib/content/facts.ts';
import { contentDirFromEnv, loadLocales } from '../src/lib/site/load.ts';

const root = process.cwd();
const contentDir = contentDirFromEnv(root);
const files = [...readContentFiles(root, 'content/lessons'), ...readContentFiles(root, 'content/modules')];
const facts = readFacts(contentDir);
const locales = loadLocales(contentDir);
const context = {
  factIds: new Set(facts.keys()),
  cardStepIds: readCardStepIds(contentDir),
  plainLanguageLocales: new Set(locales.filter((l) => l.plainLanguageOf).map((l) => l.code)),
  courseLocales: locales.map((l) => l.code),
};
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

const lessonsOnly = process.argv.includes('--lessons-only');
const all = lessonsOnly ? files.filter((f) => f.path.endsWith('.mdx')).flatMap((f) => checkLesson(f, undefined, context)) : checkCourse(files, undefined, context);
const problems = only ? all.filter((p) => p.path.startsWith(only)) : all;
for (const p of problems) console.log(`${p.path}: ${p.message}`);
const now = new Date();
for (const [id, fact] of facts) {
  const age = factAgeDays(fact, now);
  if (age > FACT_MAX_AGE_DAYS) console.warn(`warning: ${fact.file}: ${id}: checked ${age} days ago; read ${fact.source.url} again`);
}
console.log(problems.length ? `\n${problems.length} problem(s)` : 'Content check: no problems');
process.exitCode = problems.length ? 1 : 0;
