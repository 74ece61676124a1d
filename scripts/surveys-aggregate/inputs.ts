/**
 * Input handling shared by `npm run surveys:aggregate` and its worker threads: which files a
 * command line names, and how one file is read into an aggregator.
 */
import { opendirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Aggregator } from '../../src/lib/survey/aggregate.ts';
import { surveyFile } from '../../src/lib/survey/file.ts';
import { readPartialFile, type PartialSummary } from '../../src/lib/survey/partial.ts';
import { SURVEY_PARTIAL_FILE } from '../../src/schemas/formats.ts';

/** Yields the *.json files under `dir`, one directory listing at a time, in name order. Does not follow symlinked folders. */
function* jsonFilesIn(dir: string): Generator<string> {
  const handle = opendirSync(dir);
  const entries: { name: string; isDir: boolean; isFile: boolean }[] = [];
  try {
    for (let entry = handle.readSync(); entry; entry = handle.readSync()) {
      entries.push({ name: entry.name, isDir: entry.isDirectory(), isFile: entry.isFile() });
    }
  } finally {
    handle.closeSync();
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDir) yield* jsonFilesIn(full);
    else if (entry.isFile && entry.name.toLowerCase().endsWith('.json')) yield full;
  }
}

/** The files named on the command line: files as given, folders searched recursively for *.json. */
export function* inputFiles(paths: readonly string[]): Generator<string> {
  for (const path of paths) {
    if (statSync(path).isDirectory()) yield* jsonFilesIn(path);
    else yield path;
  }
}

/** The course's module ids: the names of the module files in `dir` (`content/modules/<id>.yaml`). */
export function moduleIdsIn(dir: string): Set<string> {
  return new Set(readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -'.yaml'.length)));
}

/** Largest input file read at all: the larger of the two formats' limits. */
export const MAX_INPUT_BYTES = Math.max(surveyFile.maxBytes, SURVEY_PARTIAL_FILE.maxBytes);

/**
 * Reads one file: survey answers are added to `aggregator`, a partial summary from another
 * municipality is kept in `partials` to merge, anything refused is counted by its reason. The
 * file's name is never recorded: participants name files after themselves. `size` is the file's
 * size when the caller has already looked it up (-1: it could not), so it is not looked up twice.
 */
export function addInputFile(path: string, aggregator: Aggregator, partials: PartialSummary[], size?: number): void {
  let text: string;
  try {
    if (size === -1) throw new Error('unreadable');
    if ((size ?? statSync(path).size) > MAX_INPUT_BYTES) {
      aggregator.addRejectedFile('file-too-large');
      return;
    }
    text = readFileSync(path, 'utf8');
  } catch {
    aggregator.addRejectedFile('file-unreadable');
    return;
  }
  if (text.includes(`"${SURVEY_PARTIAL_FILE.kind}"`)) {
    const read = readPartialFile(text, new Date());
    if (read.ok) partials.push(read.file);
    else aggregator.addRejectedFile(read.error);
    return;
  }
  if (text.length > surveyFile.maxBytes) aggregator.addRejectedFile('file-too-large');
  else aggregator.addFile(text);
}
