#!/usr/bin/env node
/**
 * `npm run facts:status`: every fact of the course, oldest check first, with its status, where it
 * is used, and a warning for facts not checked for a year or not used by any lesson.
 */
import { readContentFiles, readFacts } from '../src/lib/content/files.ts';
import { factAgeDays, factIdsIn, FACT_MAX_AGE_DAYS } from '../src/lib/content/facts.ts';
import { contentDirFromEnv } from '../src/lib/site/load.ts';

const root = process.cwd();
const facts = readFacts(contentDirFromEnv(root));
const lessons = readContentFiles(root, 'content/lessons').filter((f) => f.path.startsWith('content/lessons/sv/'));
const usedBy = new Map<string, string[]>();
for (const lesson of lessons) for (const id of new Set(factIdsIn(lesson.text))) usedBy.set(id, [...(usedBy.get(id) ?? []), lesson.path.split('/').slice(-2).join('/').replace(/\.mdx$/, '')]);
const now = new Date();
const rows = [...facts].map(([id, fact]) => ({ id, fact, age: factAgeDays(fact, now) })).sort((a, b) => b.age - a.age || a.id.localeCompare(b.id));
let warnings = 0;
for (const { id, fact, age } of rows) {
  const flags = [fact.status === 'unconfirmed' ? 'UNCONFIRMED' : '', age > FACT_MAX_AGE_DAYS ? `OLD (${age} days)` : '', usedBy.has(id) ? '' : 'unused'].filter(Boolean);
  if (age > FACT_MAX_AGE_DAYS || !usedBy.has(id)) warnings++;
  console.log(`${fact.checked.toISOString().slice(0, 10)}  ${id.padEnd(44)} ${flags.join(', ').padEnd(24)} ${(usedBy.get(id) ?? []).join(', ')}`);
}
const unconfirmed = rows.filter((r) => r.fact.status === 'unconfirmed').length;
console.log(`\n${facts.size} facts: ${facts.size - unconfirmed} confirmed, ${unconfirmed} unconfirmed; ${usedBy.size} used by lessons; ${warnings} warning(s)`);
