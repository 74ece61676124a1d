/**
 * One worker thread of `npm run surveys:aggregate`: takes the next file from the shared counter
 * until none is left, counts it into its own aggregator over the shared duplicate index, and sends
 * back a snapshot for the main thread to absorb. See `scripts/surveys-aggregate.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAggregator, type AggregatorSnapshot } from '../../src/lib/survey/aggregate.ts';
import { SharedKeySet } from '../../src/lib/survey/key-set.ts';
import type { PartialSummary } from '../../src/lib/survey/partial.ts';
import type { SurveyDefinition } from '../../src/schemas/survey.ts';
import { addInputFile } from './inputs.ts';

/** What the main thread gives a worker. */
export interface WorkerInput {
  files: string[];
  /** Each file's size in bytes, -1 when it could not be read. */
  sizes: number[];
  surveys: SurveyDefinition[];
  moduleIds: string[] | null;
  /** The shared duplicate index (`SharedKeySet.buffer`). */
  keys: SharedArrayBuffer;
  /** One Int32: the index of the next file to take. */
  next: SharedArrayBuffer;
}

/** What a worker sends back. */
export interface WorkerResult {
  snapshot: AggregatorSnapshot;
  partials: PartialSummary[];
}

const input = workerData as WorkerInput;
const aggregator = createAggregator({
  surveys: input.surveys,
  ...(input.moduleIds ? { moduleIds: new Set(input.moduleIds) } : {}),
  seen: SharedKeySet.attach(input.keys),
});
const next = new Int32Array(input.next);
const partials: PartialSummary[] = [];
for (let i = Atomics.add(next, 0, 1); i < input.files.length; i = Atomics.add(next, 0, 1)) {
  addInputFile(input.files[i]!, aggregator, partials, input.sizes[i]);
}
parentPort!.postMessage({ snapshot: aggregator.snapshot(), partials } satisfies WorkerResult);
