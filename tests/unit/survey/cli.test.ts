import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAggregator } from '../../../src/lib/survey/aggregate.ts';
import { publish } from '../../../src/lib/survey/publish.ts';
import { readPartialFile } from '../../../src/lib/survey/partial.ts';
import { summaryToJson } from '../../../src/lib/survey/summary-format.ts';
import { exportFile, readCsv, response, root, surveys, uuid } from './fixtures.ts';

const cli = (...args: string[]) => spawnSync(process.execPath, ['scripts/surveys-aggregate.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('npm run surveys:aggregate', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'orienta-surveys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Twelve course answers over two folders: overall 5,5,5,5,4,4,4,3,3,2,1,5 (very satisfied 5/12,
  // satisfied 8/12), one file handed in twice, one invalid file and a file that is not JSON.
  const points = [5, 5, 5, 5, 4, 4, 4, 3, 3, 2, 1, 5];
  const files = new Map<string, string>();
  points.forEach((overall, i) => {
    const folder = i < 6 ? 'group-a' : join('group-b', 'week-2');
    const r = response({ responseId: uuid(i + 1, 'c1c1c1c1'), locale: i % 3 ? 'sv' : 'ar', date: i < 8 ? '2026-03-15' : '2026-04-15', answers: { overall, 'job-knowledge': overall } });
    files.set(join(folder, `answers-${String(i).padStart(2, '0')}.json`), JSON.stringify(exportFile([r])));
  });
  files.set(join('group-a', 'answers-00-copy.json'), files.get(join('group-a', 'answers-00.json'))!);
  files.set(join('group-b', 'hostile.json'), JSON.stringify(exportFile([response({ answers: { overall: 5, improve: '<script>alert(1)</script>' } })])));
  files.set(join('group-b', 'notes.json'), 'hej');
  files.set(join('group-b', 'readme.txt'), 'not read: only *.json in folders');
  for (const [name, text] of files) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }

  it('gives the same numbers as the aggregator, and writes JSON, CSV and a partial summary', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const run = cli('--period', '2026-01..2026-12', '--json', join(out, 'summary.json'), '--csv', join(out, 'summary.csv'), '--partial', join(out, 'partial.json'), '--min-group-size', '3', join(dir, 'group-a'), join(dir, 'group-b'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    // The same files, in the CLI's order (folders in name order, recursively), through the library.
    const aggregator = createAggregator({ surveys });
    const ordered = [...files.keys()].filter((name) => name.endsWith('.json')).sort((a, b) => (a < b ? -1 : 1));
    for (const name of ordered) aggregator.addFile(files.get(name)!);
    const expected = publish(aggregator.partial(), { minGroupSize: 3, period: { from: '2026-01', to: '2026-12' }, texts: aggregator.texts() });

    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summaryToJson(expected));
    expect(expected.headline.verySatisfied?.current).toMatchObject({ hidden: false, n: 12, count: 5 });
    expect(expected.responses).toMatchObject({ counted: 12, duplicates: 1 });
    expect(expected.files.invalidByReason).toEqual({ markup: 1, 'not-json': 1 });

    const csv = readCsv(readFileSync(join(out, 'summary.csv'), 'utf8'));
    expect(csv.find((row) => row[0] === 'headline' && row[5] === 'share-very-satisfied' && row[4] === 'this-period')?.[6]).toBe('0.4167');
    // No file is named anywhere: participants name files after themselves.
    expect(run.stdout + readFileSync(join(out, 'summary.csv'), 'utf8')).not.toContain('hostile.json');
    expect(run.stdout).toContain('Files: 15 read, 13 valid, invalid: markup: 1, not-json: 1');
    expect(run.stdout).toContain('Responses: 12 counted, 1 duplicates, 0 skipped');
    expect(run.stdout).toMatch(/Very satisfied \(5 of 5\) +41\.7 % \(\d+–\d+\)/);

    // The partial summary merges back to the same report.
    const partial = readPartialFile(readFileSync(join(out, 'partial.json'), 'utf8'), new Date());
    expect(partial.ok && partial.file.notForPublication).toBe(true);
    const merged = cli('--period', '2026-01..2026-12', '--min-group-size', '3', '--json', join(out, 'merged.json'), join(out, 'partial.json'));
    expect(merged.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'merged.json'), 'utf8')).headline).toEqual(JSON.parse(summaryToJson(expected)).headline);
  });

  it('gives the same report with worker threads as in one thread, and checks module ids against the course', () => {
    const out = join(dir, 'out-jobs');
    mkdirSync(out);
    const strange = join(dir, 'strange-module.json');
    writeFileSync(strange, JSON.stringify(exportFile([response({ surveyId: 'module', moduleId: 'no-such-module', answers: { satisfaction: 5 } })])));
    const args = (jobs: string, name: string) => ['--period', 'all', '--min-group-size', '3', '--jobs', jobs, '--json', join(out, name), join(dir, 'group-a'), join(dir, 'group-b'), strange];
    const one = cli(...args('1', 'one.json'));
    const two = cli(...args('2', 'two.json'));
    expect(two.stderr).toBe('');
    expect(two.status).toBe(0);
    expect(readFileSync(join(out, 'two.json'), 'utf8')).toBe(readFileSync(join(out, 'one.json'), 'utf8'));
    expect(two.stdout.replace(/two\.json/g, 'one.json')).toBe(one.stdout);
    expect(JSON.parse(readFileSync(join(out, 'two.json'), 'utf8')).responses).toMatchObject({ counted: 12, duplicates: 1, skippedByReason: { 'unknown-module': 1 } });
    expect(cli('--jobs', '0', dir).status).toBe(2);
  });

  it('exits 2 for usage errors', () => {
    expect(cli().status).toBe(2);
    expect(cli('--min-group-size', 'zero', dir).status).toBe(2);
    expect(cli('--period', '2026', dir).status).toBe(2);
    expect(cli('--frobnicate', dir).status).toBe(2);
    const missing = cli(join(dir, 'no-such-folder'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Not found');
  });

  it('exits 0 when it ran, even if every file was invalid', () => {
    const run = cli(join(dir, 'group-b', 'notes.json'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('invalid: not-json: 1');
  });
});
