#!/usr/bin/env node
/**
 * `npm run i18n:stamp -- <translation.mdx> …`: records in each translation the revision of its
 * source lesson it now matches (`sourceRevision` in the frontmatter). Run it when a translation is
 * made or updated from the current source text — never to silence an "outdated" notice without
 * updating the text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readLesson } from '../src/lib/content/check.ts';
import { revisionOf } from '../src/lib/content/revision.ts';
import { SOURCE_LOCALE } from '../src/lib/i18n/locales.ts';

const paths = process.argv.slice(2).filter((arg) => arg.endsWith('.mdx'));
if (!paths.length) {
  console.error('usage: npm run i18n:stamp -- content/lessons/<locale>/<module>/<lesson>.mdx …');
  process.exit(2);
}
let failed = 0;
for (const path of paths) {
  const [locale, moduleId, file] = path.split('/').slice(-3);
  if (locale === SOURCE_LOCALE) {
    console.error(`${path}: a source lesson has no source revision`);
    failed++;
    continue;
  }
  const sourcePath = path.replace(`/${locale}/${moduleId}/${file}`, `/${SOURCE_LOCALE}/${moduleId}/${file}`);
  const source = readLesson({ path: sourcePath, text: readFileSync(sourcePath, 'utf8') });
  if (Array.isArray(source)) {
    console.error(`${sourcePath}: ${source.map((p) => p.message).join('; ')}`);
    failed++;
    continue;
  }
  const revision = revisionOf({ title: source.data.title, summary: source.data.summary, body: source.body });
  const text = readFileSync(path, 'utf8');
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!frontmatter) {
    console.error(`${path}: no frontmatter`);
    failed++;
    continue;
  }
  const lines = frontmatter[1]!.split(/\r?\n/).filter((line) => !line.startsWith('sourceRevision:'));
  lines.push(`sourceRevision: "${revision}"`);
  writeFileSync(path, text.replace(frontmatter[0], `---\n${lines.join('\n')}\n---`));
  console.log(`${path}: sourceRevision ${revision}`);
}
process.exitCode = failed ? 1 : 0;
