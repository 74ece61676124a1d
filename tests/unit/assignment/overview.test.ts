import { describe, expect, it } from 'vitest';
import type { ProgressStore } from '../../../src/schemas/progress.ts';
import { recordSelfCheck, setCompleted, setParticipantName } from '../../../src/lib/progress/changes.ts';
import { emptyProgress } from '../../../src/lib/progress/definitions.ts';
import { writeProgressFile } from '../../../src/lib/progress/transfer.ts';
import { buildOverview, overviewToCsv, type OverviewCsvLabels } from '../../../src/lib/assignment/overview.ts';
import { assignment, outline } from './fixtures.ts';

const SCHEMA_URL = 'https://exempelby.example/schemas/progress.v1.json';
const t0 = new Date('2026-11-01T10:00:00.000Z');

/** A progress file as a participant exports it. */
function exportOf(changes: (store: ProgressStore) => ProgressStore, exportedAt: string, siteId = 'demo'): string {
  return writeProgressFile(changes(emptyProgress(siteId, t0)), SCHEMA_URL, new Date(exportedAt));
}
const done = (...ids: string[]) => (store: ProgressStore) => ids.reduce((s, id) => setCompleted(s, id, true, t0), store);
const check = (id: string, score: number, total: number) => (store: ProgressStore) => recordSelfCheck(store, id, score, total, t0);
const all = (...steps: Array<(store: ProgressStore) => ProgressStore>) => (store: ProgressStore) => steps.reduce((s, step) => step(s), store);

// Amal: komma-till-sverige done; forsorja-sig 1 of 3 with self-checks 3/4 and 1/2; halsa nothing.
const amal = exportOf(
  all(done('komma-till-sverige/valkommen-till-sverige', 'komma-till-sverige/uppehallstillstand', 'forsorja-sig/soka-jobb'), check('forsorja-sig/soka-jobb', 3, 4), check('forsorja-sig/a-kassa', 1, 2), (s) => setParticipantName(s, 'Amal', t0)),
  '2026-11-10T08:00:00.000Z',
);
// No name: 1 of 2 in komma-till-sverige; both assigned halsa lessons (one self-check 2/2); an unassigned lesson.
const first = exportOf(
  all(done('komma-till-sverige/valkommen-till-sverige', 'halsa/levnadsvanor', 'halsa/psykisk-halsa', 'halsa/varden-i-sverige'), check('halsa/psykisk-halsa', 2, 2)),
  '2026-11-10T09:00:00.000Z',
);
// No name: nothing completed, one self-check 0/3 in forsorja-sig.
const second = exportOf(check('forsorja-sig/arbetsmarknaden', 0, 3), '2026-11-10T09:30:00.000Z');

const files = [
  { name: 'orienta-progress-demo-2026-11-10.json', text: amal },
  { name: 'progress (1).json', text: first },
  { name: 'notes.txt', text: 'these are not progress' },
  { name: 'progress (2).json', text: second },
  { name: 'progress (1) copy.json', text: first },
  { name: 'survey.json', text: JSON.stringify({ kind: 'orienta.survey-responses', schemaVersion: 1 }) },
];

describe('group overview', () => {
  const overview = buildOverview(files, assignment, outline);

  it('has a column per assigned module, in course order; single lessons make a partial column', () => {
    expect(overview.columns).toEqual([
      { moduleId: 'komma-till-sverige', lessonIds: outline[0].lessonIds, partial: false, counts: { completed: 1, 'in-progress': 1, 'not-started': 1 } },
      { moduleId: 'forsorja-sig', lessonIds: outline[1].lessonIds, partial: false, counts: { completed: 0, 'in-progress': 2, 'not-started': 1 } },
      { moduleId: 'halsa', lessonIds: ['halsa/levnadsvanor', 'halsa/psykisk-halsa'], partial: true, counts: { completed: 1, 'in-progress': 0, 'not-started': 2 } },
    ]);
    expect(overview.missing).toEqual({ modules: [], lessons: [] });
  });

  it('computes the hand-checked table', () => {
    const table = overview.rows.map((row) => [
      row.name ?? `#${row.number}`,
      ...row.cells.map((cell) => `${cell.status} ${cell.completed}/${cell.total} ${cell.selfCheck.average === null ? '-' : cell.selfCheck.average}×${cell.selfCheck.count}`),
      `${row.completed}/${row.total}`,
    ]);
    expect(table).toEqual([
      ['Amal', 'completed 2/2 -×0', 'in-progress 1/3 0.625×2', 'not-started 0/2 -×0', '3/7'],
      ['#1', 'in-progress 1/2 -×0', 'not-started 0/3 -×0', 'completed 2/2 1×1', '3/7'],
      ['#2', 'not-started 0/2 -×0', 'in-progress 0/3 0×1', 'not-started 0/2 -×0', '0/7'],
    ]);
  });

  it('names participants only by what they typed, numbering the rest; file names are kept apart', () => {
    expect(overview.rows.map(({ name, number, labelSource, fileName }) => ({ name, number, labelSource, fileName }))).toEqual([
      { name: 'Amal', number: null, labelSource: 'name', fileName: 'orienta-progress-demo-2026-11-10.json' },
      { name: null, number: 1, labelSource: 'number', fileName: 'progress (1).json' },
      { name: null, number: 2, labelSource: 'number', fileName: 'progress (2).json' },
    ]);
    expect(overview.rows[0]).toMatchObject({ siteId: 'demo', otherSite: false, exportedAt: '2026-11-10T08:00:00.000Z' });
  });

  it('lists refused files with the import reason codes', () => {
    expect(overview.invalid).toEqual([
      { fileName: 'notes.txt', error: 'not-json' },
      { fileName: 'survey.json', error: 'wrong-kind' },
    ]);
  });

  it('counts a file given twice once', () => {
    expect(overview.duplicates).toEqual([{ fileName: 'progress (1) copy.json', sameAs: 'progress (1).json' }]);
    expect(overview.rows).toHaveLength(3);
  });

  it('keeps two exports of one participant at different times, and two people with one first name', () => {
    const later = exportOf(all(done('halsa/levnadsvanor'), (s) => setParticipantName(s, 'Amal', t0)), '2026-11-12T08:00:00.000Z');
    expect(buildOverview([{ name: 'a', text: amal }, { name: 'b', text: later }], assignment, outline).rows.map((row) => row.name)).toEqual(['Amal', 'Amal']);
  });

  it('accepts a plain module list, names missing modules and flags files from another site', () => {
    const other = exportOf(done('aldras/pension'), '2026-11-11T08:00:00.000Z', 'svedala');
    const result = buildOverview([{ name: 'x.json', text: other }, { name: 'y.json', text: amal }], ['aldras', 'okand-modul'], outline, { siteId: 'demo' });
    expect(result.columns.map((column) => column.moduleId)).toEqual(['aldras']);
    expect(result.missing).toEqual({ modules: ['okand-modul'], lessons: [] });
    expect(result.rows.map((row) => [row.otherSite, row.cells[0].status, row.cells[0].completed])).toEqual([[true, 'in-progress', 1], [false, 'not-started', 0]]);
  });

  it('is empty but well-formed without files', () => {
    expect(buildOverview([], assignment, outline)).toMatchObject({ rows: [], invalid: [], duplicates: [], columns: [{ counts: { 'not-started': 0 } }, {}, {}] });
  });
});

describe('overview CSV', () => {
  const labels: OverviewCsvLabels = {
    participant: 'Participant',
    unnamed: (n) => `Participant ${n}`,
    exportedAt: 'Exported',
    formatExportedAt: (iso) => iso.slice(0, 10),
    module: (column) => ({ 'komma-till-sverige': 'Coming to Sweden', 'forsorja-sig': 'Work, "income"', halsa: 'Health' })[column.moduleId] + (column.partial ? ' (part)' : ''),
    status: 'status',
    statuses: { completed: 'Completed', 'in-progress': 'In progress', 'not-started': 'Not started' },
    completed: (total) => `lessons completed (of ${total})`,
    score: 'self-check %',
    scoreCount: 'self-checks',
  };

  it('writes a BOM, CRLF lines, quoted headers and the table', () => {
    const csv = overviewToCsv(buildOverview(files, assignment, outline), labels);
    expect(csv.startsWith('\uFEFFParticipant,Exported,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Participant,Exported,Coming to Sweden: status,Coming to Sweden: lessons completed (of 2),Coming to Sweden: self-check %,Coming to Sweden: self-checks,'
        + '"Work, ""income"": status","Work, ""income"": lessons completed (of 3)","Work, ""income"": self-check %","Work, ""income"": self-checks",'
        + 'Health (part): status,Health (part): lessons completed (of 2),Health (part): self-check %,Health (part): self-checks',
      'Amal,2026-11-10,Completed,2,,0,In progress,1,63,2,Not started,0,,0',
      'Participant 1,2026-11-10,In progress,1,,0,Not started,0,,0,Completed,2,100,1',
      'Participant 2,2026-11-10,Not started,0,,0,In progress,0,0,1,Not started,0,,0',
      '',
    ]);
    expect(csv).not.toContain('progress (1)');
  });

  it('neutralises formulas and quotes names with commas, quotes and line-like content', () => {
    const named = (name: string, at: string) => exportOf((s) => setParticipantName(s, name, t0), at);
    const overview = buildOverview(
      [
        { name: 'a', text: named('=HYPERLINK("https://evil.example","x")', '2026-11-10T08:00:00.000Z') },
        { name: 'b', text: named('+46 70', '2026-11-10T08:01:00.000Z') },
        { name: 'c', text: named('-1', '2026-11-10T08:02:00.000Z') },
        { name: 'd', text: named('@SUM(A1)', '2026-11-10T08:03:00.000Z') },
        { name: 'e', text: named('Yonas, "Jo"', '2026-11-10T08:04:00.000Z') },
        { name: 'f', text: named('ዮናስ', '2026-11-10T08:05:00.000Z') },
      ],
      ['halsa'],
      outline,
    );
    const names = overviewToCsv(overview, { ...labels, module: () => 'Health' }).slice(1).split('\r\n').slice(1, -1).map((line) => line.slice(0, line.lastIndexOf(',2026') === -1 ? undefined : line.indexOf(',2026')));
    expect(names).toEqual([`"'=HYPERLINK(""https://evil.example"",""x"")"`, "'+46 70", "'-1", "'@SUM(A1)", '"Yonas, ""Jo"""', 'ዮናስ']);
  });

  it('can use semicolons, as Excel expects in Swedish', () => {
    const csv = overviewToCsv(buildOverview([{ name: 'a', text: amal }], ['komma-till-sverige'], outline), { ...labels, module: () => 'Coming to Sweden' }, { delimiter: ';' });
    expect(csv).toBe('\uFEFFParticipant;Exported;Coming to Sweden: status;Coming to Sweden: lessons completed (of 2);Coming to Sweden: self-check %;Coming to Sweden: self-checks\r\nAmal;2026-11-10;Completed;2;;0\r\n');
  });
});
