#!/usr/bin/env node
/**
 * `npm run surveys:aggregate -- [options] <files or folders>`: adds up exported survey files
 * ("Export survey answers") and partial summaries from other municipalities into the report, with
 * the same code as the report page, so both give the same numbers.
 *
 * Folders are searched recursively for *.json files. Files are read one at a time and dropped, so
 * memory stays bounded by the number of distinct groups (plus a duplicate index of 8 bytes per
 * response). Invalid files are counted by reason, never named, and never stop the others.
 *
 * Large inputs are read by worker threads (`surveys-aggregate/worker.ts`), one per processor: each
 * takes the next file from a shared counter and counts into its own aggregator, all share one
 * duplicate index in shared memory, and this thread adds up their snapshots (`absorb`). The counts
 * are the same as in one thread; only which free-text comments fill the per-question cap may differ.
 *
 * Exit code: 0 when the aggregation ran (even if some files were invalid), 1 if the survey
 * definitions are broken or an output cannot be written, 2 for usage errors.
 */
import { statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createAggregator } from '../src/lib/survey/aggregate.ts';
import { DEFAULT_MIN_GROUP_SIZE, publish, soPeriodOf, type Period } from '../src/lib/survey/publish.ts';
import { mergePartials, writePartialFile, type PartialSummary } from '../src/lib/survey/partial.ts';
import { SURVEY_PARTIAL_FILE } from '../src/schemas/formats.ts';
import { loadSurveyDefinitions } from '../src/lib/survey/load-definitions.ts';
import { SharedKeySet } from '../src/lib/survey/key-set.ts';
import { addInputFile, inputFiles, MAX_INPUT_BYTES, moduleIdsIn } from './surveys-aggregate/inputs.ts';
import type { WorkerInput, WorkerResult } from './surveys-aggregate/worker.ts';
import { formatSummaryText, summaryToCsv, summaryToJson } from '../src/lib/survey/summary-format.ts';

const USAGE = `Usage: npm run surveys:aggregate -- [options] <files or folders>

Adds up exported survey answer files and partial summaries (*.json; folders are searched
recursively) into the report, with small groups suppressed.

Options:
  --period <from>..<to>    months to report, e.g. 2025-10..2026-09, or "all"
                           (default: the follow-up period 1 October – 30 September of today)
  --json <file>            write the report as JSON
  --csv <file>             write the report as CSV
  --partial <file>         write a partial summary: exact counts, not for publication, for a county
                           or a group of municipalities to merge with others
  --min-group-size <n>     hide groups with fewer than n responses (default ${DEFAULT_MIN_GROUP_SIZE})
  --surveys <folder>       survey definitions (default: content/surveys of this project)
  --modules <folder>       the course's modules; answers about another module are not
                           counted (default: content/modules of this project)
  --jobs <n>               worker threads (default: one per processor for large inputs)
  -h, --help               show this help
`;

/** Inputs smaller than this are read in this thread: starting workers would take longer. */
const PARALLEL_FROM_BYTES = 32 * 1024 * 1024;
const MAX_JOBS = 16;

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
      partial: { type: 'string' },
      period: { type: 'string' },
      'min-group-size': { type: 'string' },
      surveys: { type: 'string' },
      modules: { type: 'string' },
      jobs: { type: 'string' },
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
let period: Period | null = soPeriodOf(new Date());
if (values.period !== undefined) {
  const match = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(values.period);
  if (values.period === 'all') period = null;
  else if (match && match[1]! <= match[2]!) period = { from: match[1]!, to: match[2]! };
  else usageError(`--period must be <from>..<to> as YYYY-MM..YYYY-MM, or "all", got "${values.period}".`);
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

const modulesDir = values.modules ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'modules');
let moduleIds: Set<string>;
try {
  moduleIds = moduleIdsIn(modulesDir);
} catch (error) {
  process.stderr.write(`Cannot read the course's modules in ${modulesDir}: ${(error as Error).message}\n`);
  process.exit(1);
}

const files = [...inputFiles(positionals)];
const sizes = files.map((file) => {
  try {
    return statSync(file).size;
  } catch {
    return -1; // counted as unreadable
  }
});
const inputBytes = sizes.reduce((sum, size) => sum + Math.max(0, Math.min(size, MAX_INPUT_BYTES)), 0);
let jobs = inputBytes >= PARALLEL_FROM_BYTES ? Math.min(availableParallelism(), MAX_JOBS) : 1;
if (values.jobs !== undefined) {
  if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1 || Number(values.jobs) > MAX_JOBS) usageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, got "${values.jobs}".`);
  jobs = Number(values.jobs);
}

const aggregator = createAggregator({ surveys, moduleIds });
const partials: PartialSummary[] = [];
if (jobs === 1) {
  files.forEach((file, i) => addInputFile(file, aggregator, partials, sizes[i]));
} else {
  // Workers share the duplicate index and a counter of the next file; each keeps its own counts,
  // which this thread adds up. Counts do not depend on which worker read which file.
  const keys = SharedKeySet.create(SharedKeySet.capacityFor(inputBytes));
  const next = new SharedArrayBuffer(4);
  const input: WorkerInput = { files, sizes, surveys, moduleIds: [...moduleIds], keys: keys.buffer, next };
  const results = await Promise.all(
    Array.from(
      { length: jobs },
      () =>
        new Promise<WorkerResult>((resolve, reject) => {
          const worker = new Worker(new URL('./surveys-aggregate/worker.ts', import.meta.url), { workerData: input });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`a worker stopped with exit code ${code}`)));
        }),
    ),
  ).catch((error: Error) => {
    process.stderr.write(`Aggregation failed: ${error.message}\n`);
    process.exit(1);
  });
  for (const result of results) {
    aggregator.absorb(result.snapshot);
    partials.push(...result.partials);
  }
}

const summary = partials.length ? mergePartials([aggregator.partial(), ...partials]) : aggregator.partial();
const report = publish(summary, { minGroupSize, period, texts: partials.length ? [] : aggregator.texts() });
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
if (values.json !== undefined || values.csv !== undefined || values.partial !== undefined) process.stdout.write('\n');
if (values.json !== undefined) writeOutput(values.json, summaryToJson(report));
if (values.csv !== undefined) writeOutput(values.csv, summaryToCsv(report));
if (values.partial !== undefined) writeOutput(values.partial, writePartialFile(summary, `/schemas/${SURVEY_PARTIAL_FILE.schema}`));
process.exitCode = 0;
