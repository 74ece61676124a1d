/**
 * Reading the course's content files from disk for the CLIs and tests (Node-only); the site reads
 * the same files through Astro's content collections and validates them with the same schemas.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { factFileSchema, type Fact } from '../../schemas/fact.ts';
import { cardStepsSchema } from '../../schemas/change.ts';
import { listFiles } from '../site/files.ts';
import { formatIssues } from '../schema/issues.ts';
import { mergeFactFiles } from './facts.ts';
import type { ContentFile } from './check.ts';

/** Every file under `<root>/<dir>` as `{ path, text }`, paths relative to `root` with `/`. */
export function readContentFiles(root: string, dir: string): ContentFile[] {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return listFiles(base).map((file) => ({ path: `${dir}/${file}`, text: readFileSync(join(base, file), 'utf8') }));
}

/** The fact base from `<content>/facts/*.yaml`, validated. @throws Error naming the file and field */
export function readFacts(contentDir: string): Map<string, Fact & { file: string }> {
  const dir = join(contentDir, 'facts');
  const files = existsSync(dir) ? listFiles(dir).filter((f) => f.endsWith('.yaml')) : [];
  return mergeFactFiles(
    files.map((name) => {
      const path = join('content', 'facts', name);
      const parsed = factFileSchema.safeParse(parseYaml(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(formatIssues(path, parsed.error));
      return { file: path, facts: parsed.data };
    }),
  );
}

/** The ids of `<content>/card-steps.yaml`. */
export function readCardStepIds(contentDir: string): Set<string> {
  const file = join(contentDir, 'card-steps.yaml');
  if (!existsSync(file)) return new Set();
  const parsed = cardStepsSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(formatIssues('content/card-steps.yaml', parsed.error));
  return new Set(Object.keys(parsed.data));
}
