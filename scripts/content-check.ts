#!/usr/bin/env node
/**
 * `npm run content:check [-- --lessons-only]`: checks the curriculum and prints each problem with
 * its file. `--lessons-only` skips the course-wide rules (lesson counts, hours), for work in progress.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkCourse, checkLesson, type ContentFile } from '../src/lib/content/check.ts';

const root = process.cwd();
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
const files: ContentFile[] = [...walk(join(root, 'content/lessons')), ...walk(join(root, 'content/modules'))]
  .map((full) => ({ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') }));

const lessonsOnly = process.argv.includes('--lessons-only');
const problems = lessonsOnly
  ? files.filter((f) => f.path.endsWith('.mdx')).flatMap((f) => checkLesson(f))
  : checkCourse(files);
for (const p of problems) console.log(`${p.path}: ${p.message}`);
console.log(problems.length ? `\n${problems.length} problem(s)` : 'Content check: no problems');
process.exitCode = problems.length ? 1 : 0;
