#!/usr/bin/env node
/**
 * `npm run surveys:aggregate -- [options] <files or folders>`: adds up exported survey files
 * ("Export survey answers") into the municipality's indicators, with the same code as the report
 * page, so both give the same numbers.
 *
 * Folders are searched recursively for *.json files. Files are read one at a time and dropped, so
 * memory stays bounded by the number of distinct responses, not by the bytes read. Invalid files
 * are listed with their reason and never stop the others.
 *
 * Exit code: 0 when the aggregation ran (even if some files were invalid), 1 if the survey
 * definitions are broken or an output cannot be written, 2 for usage errors.
 */
import { opendirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAggregator, DEFAULT_MIN_GROUP_SIZE } from '../src/lib/survey/aggregate.ts';
import { loadSurveyDefinitions } from '../src/lib/survey/load-definitions.ts';
import { surveyFile } from '../src/lib/survey/file.ts';
import { formatSummaryText, summaryToCsv, summaryToJson } from '../src/lib/survey/summary-format.ts';

const USAGE = `Usage: npm run surveys:aggregate -- [options] <files or folders>

Adds up exported survey answer files (*.json; folders are searched recursively).

Options:
  --json <file>            write the summary as JSON
  --csv <file>             write the summary as CSV
  --min-group-size <n>     hide breakdown cells with fewer than n responses (default ${DEFAULT_MIN_GROUP_SIZE})
  --surveys <folder>       survey definitions (default: content/surveys of this project)
  -h, --help               show this help
`;

function usageError(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      csv: { type: 'string' },
      'min-group-size': { type: 'string' },
      surveys: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  usageError((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (positionals.length === 0) usageError('Name at least one file or folder.');

let minGroupSize = DEFAULT_MIN_GROUP_SIZE;
if (values['min-group-size'] !== undefined) {
  const text = values['min-group-size'];
  if (!/^\d+$/.test(text) || Number(text) < 1) usageError(`--min-group-size must be a whole number of at least 1, got "${text}".`);
  minGroupSize = Number(text);
}
for (const path of positionals) {
  try {
    statSync(path);
  } catch {
    usageError(`Not found: ${path}`);
  }
}

const surveysDir = values.surveys ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'surveys');
let surveys;
try {
  surveys = loadSurveyDefinitions(surveysDir);
} catch (error) {
  process.stderr.write(`Survey definitions in ${surveysDir} are invalid:\n${(error as Error).message}\n`);
  process.exit(1);
}

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

function* inputFiles(paths: string[]): Generator<string> {
  for (const path of paths) {
    if (statSync(path).isDirectory()) yield* jsonFilesIn(path);
    else yield path;
  }
}

const aggregator = createAggregator({ surveys, minGroupSize });
for (const file of inputFiles(positionals)) {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > surveyFile.maxBytes) {
      aggregator.addRejectedFile(file, { code: 'file-too-large', message: `${size} bytes` });
      continue;
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    aggregator.addRejectedFile(file, { code: 'file-unreadable', message: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    continue;
  }
  aggregator.addFile(file, text);
}

const report = aggregator.result();
process.stdout.write(formatSummaryText(report, { surveys }));

/** Writes a download, or ends with exit code 1 and a plain message when the path cannot be written. */
function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    process.stderr.write(`Could not write ${path}: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Wrote ${path}\n`);
}
if (values.json !== undefined || values.csv !== undefined) process.stdout.write('\n');
if (values.json !== undefined) writeOutput(values.json, summaryToJson(report));
if (values.csv !== undefined) writeOutput(values.csv, summaryToCsv(report));
process.exitCode = 0;
