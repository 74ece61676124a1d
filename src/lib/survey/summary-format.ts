/**
 * The published report as downloads (CSV, JSON), as a plain-text table for the CLI, and the
 * follow-up summary for Länsstyrelsen as CSV. Everything here comes from `publish()`, so whatever
 * the report hides stays hidden in every download: a hidden cell is written as "hidden", with no
 * number. No file names and nothing a participant typed about themselves appear; invalid files are
 * counted by reason only.
 */
import type { SurveyDefinition } from '../../schemas/survey.ts';
import { findSurvey } from './definitions.ts';
import { localize } from './localize.ts';
import { toCsv, type CsvCell } from '../text/csv.ts';
import { SOURCE_LOCALE } from '../i18n/locales.ts';
import { INDICATOR_NAMES, type CountTable, type CrossTable, type FollowUpBlock, type IndicatorName, type Period, type PublishedChange, type PublishedReport, type PublishedShare } from './publish.ts';

/** Stable names of the indicators in downloads. */
export const INDICATOR_LABELS: Readonly<Record<IndicatorName | 'knowledgeChange', { id: string; en: string }>> = {
  verySatisfied: { id: 'share-very-satisfied', en: 'Very satisfied (5 of 5)' },
  satisfied: { id: 'share-satisfied', en: 'Satisfied (4–5)' },
  jobKnowledge: { id: 'share-know-better-job', en: 'Know better what it takes to get a job (4–5)' },
  languageUnderstood: { id: 'share-language-understood', en: 'Course in a language I understand well (4–5)' },
  knowledgeChange: { id: 'knowledge-change', en: 'Change in self-assessed knowledge (points, 1–5)' },
};

const round = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Number(value.toFixed(4)));
const periodText = (period: Period | null) => (period ? `${period.from}..${period.to}` : 'all');

// ---------------------------------------------------------------------------------------------
// CSV

/** The CSV columns, in order. */
export const CSV_COLUMNS = ['section', 'survey', 'question', 'group', 'key', 'measure', 'value', 'low', 'high', 'n'] as const;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], CsvCell>>;

function shareRow(share: PublishedShare, row: Row): Row {
  if (share.hidden) return { ...row, value: 'hidden' };
  return { ...row, value: round(share.share), low: round(share.interval?.[0]), high: round(share.interval?.[1]), n: share.n };
}
function changeRow(change: PublishedChange, row: Row): Row {
  if (change.hidden) return { ...row, value: 'hidden' };
  return { ...row, value: round(change.change), low: round(change.interval?.[0]), high: round(change.interval?.[1]), n: change.pairs };
}
function countRows(table: CountTable, row: Row): Row[] {
  return [...table.rows.map((r): Row => ({ ...row, key: r.key || '(no answer)', value: r.value ?? 'hidden' })), { ...row, key: 'total', value: table.total ?? 'hidden' }];
}
function crossRows(table: CrossTable, row: Row): Row[] {
  const rows: Row[] = [];
  table.rowKeys.forEach((language, r) => {
    table.columnKeys.forEach((gender, c) => rows.push({ ...row, key: `${language || '(none)'}|${gender || '(no answer)'}`, value: table.cells[r]![c] ?? 'hidden' }));
    rows.push({ ...row, key: `${language || '(none)'}|total`, value: table.rowTotals[r] ?? 'hidden' });
  });
  table.columnKeys.forEach((gender, c) => rows.push({ ...row, key: `total|${gender || '(no answer)'}`, value: table.columnTotals[c] ?? 'hidden' }));
  rows.push({ ...row, key: 'total|total', value: table.total ?? 'hidden' });
  return rows;
}

/**
 * The report as one long CSV table (columns `CSV_COLUMNS`), one number per row. CRLF line ends; a
 * UTF-8 byte-order mark first (unless `bom: false`) so spreadsheets read every script correctly.
 */
export function summaryToCsv(report: PublishedReport, { bom = true }: { bom?: boolean } = {}): string {
  const rows: Row[] = [
    { section: 'settings', measure: 'period', value: periodText(report.period) },
    { section: 'settings', measure: 'min-group-size', value: report.minGroupSize },
    { section: 'files', measure: 'read', value: report.files.read },
    { section: 'files', measure: 'valid', value: report.files.valid },
    ...Object.entries(report.files.invalidByReason).map(([reason, count]): Row => ({ section: 'files', key: reason, measure: 'invalid', value: count })),
    { section: 'responses', measure: 'counted', value: report.responses.counted },
    { section: 'responses', measure: 'duplicates', value: report.responses.duplicates },
    ...Object.entries(report.responses.skippedByReason).map(([reason, count]): Row => ({ section: 'responses', key: reason, measure: 'skipped', value: count })),
  ];
  for (const name of INDICATOR_NAMES) {
    const entry = report.headline[name];
    if (!entry) continue;
    rows.push(shareRow(entry.current, { section: 'headline', measure: INDICATOR_LABELS[name].id, key: 'this-period' }));
    if (entry.previous) rows.push(shareRow(entry.previous, { section: 'headline', measure: INDICATOR_LABELS[name].id, key: 'previous-period' }));
  }
  if (report.headline.knowledgeChange) {
    rows.push(changeRow(report.headline.knowledgeChange.current, { section: 'headline', measure: 'knowledge-change', key: 'this-period' }));
    if (report.headline.knowledgeChange.previous) rows.push(changeRow(report.headline.knowledgeChange.previous, { section: 'headline', measure: 'knowledge-change', key: 'previous-period' }));
  }
  for (const survey of report.surveys) {
    const id = survey.surveyId;
    rows.push({ section: 'survey', survey: id, measure: 'responses', value: survey.responses ?? 'hidden' });
    for (const table of survey.tables) {
      for (const row of table.rows) {
        const where: Row = { section: 'breakdown', survey: id, group: table.dimension, key: row.key || '(no answer)' };
        if (row.hidden) {
          rows.push({ ...where, measure: 'responses', value: 'hidden' });
          continue;
        }
        rows.push({ ...where, measure: 'responses', value: row.n });
        for (const name of INDICATOR_NAMES) if (row.indicators[name]) rows.push(shareRow(row.indicators[name]!, { ...where, measure: INDICATOR_LABELS[name].id }));
      }
      rows.push({ section: 'breakdown', survey: id, group: table.dimension, key: 'total', measure: 'responses', value: table.total ?? 'hidden' });
    }
    for (const change of survey.selfAssessment ?? []) rows.push(changeRow(change.change, { section: 'self-assessment', survey: id, question: change.id, measure: 'change' }));
    for (const q of survey.questions) {
      const where: Row = { section: 'distribution', survey: id, question: q.id };
      if (q.hidden) rows.push({ ...where, measure: 'answers', value: 'hidden' });
      else if (q.type === 'likert5') {
        q.counts.forEach((count, i) => rows.push({ ...where, key: String(i + 1), measure: 'count', value: count, n: q.n }));
        rows.push({ ...where, measure: 'mean', value: round(q.mean), n: q.n });
      } else if (q.type === 'text') {
        rows.push({ ...where, measure: 'answers', value: q.n, n: q.n });
        for (const text of q.texts) rows.push({ section: 'text', survey: id, question: q.id, measure: 'text', value: text });
        if (q.withheld) rows.push({ section: 'text', survey: id, question: q.id, measure: 'withheld', value: q.withheld });
      } else for (const option of q.options) rows.push({ ...where, key: option.id, measure: 'count', value: option.count, n: q.n });
    }
  }
  rows.push(...followUpRows(report));
  return toCsv([[...CSV_COLUMNS], ...rows.map((row) => CSV_COLUMNS.map((column) => row[column]))], { bom });
}

function followUpRows(report: PublishedReport): Row[] {
  return (['started', 'answered'] as const).flatMap((group) => {
    const block: FollowUpBlock = report.followUp[group];
    return [
      { section: 'follow-up', group, measure: 'total', value: block.total ?? 'hidden' },
      ...crossRows(block.byLanguageAndGender, { section: 'follow-up', group, measure: 'language|gender' }),
      ...countRows(block.byForm, { section: 'follow-up', group, measure: 'form' }),
      ...countRows(block.bySetting, { section: 'follow-up', group, measure: 'setting' }),
    ];
  });
}

/** The words of the follow-up CSV, in the reader's language. */
export interface FollowUpLabels {
  title: string;
  period: string;
  question: string;
  answer: string;
  started: string;
  answered: string;
  total: string;
  hidden: string;
  language: (code: string) => string;
  gender: (id: string) => string;
  form: (id: string) => string;
  setting: (id: string) => string;
  byLanguage: string;
  byGender: string;
  byLanguageAndGender: string;
  byForm: string;
  bySetting: string;
  minGroupNote: string;
}

/**
 * The follow-up summary laid out as the questions of Länsstyrelsen's yearly follow-up: how many
 * started and answered in the period, by language of instruction, gender, form and setting. One
 * row per figure: question, answer, started, answered.
 */
export function followUpToCsv(report: PublishedReport, labels: FollowUpLabels, delimiter: ',' | ';' = ','): string {
  const { started, answered } = report.followUp;
  const value = (v: number | null) => (v === null ? labels.hidden : v);
  const rows: CsvCell[][] = [[labels.title], [labels.period, report.period ? `${report.period.from} – ${report.period.to}` : ''], [labels.minGroupNote], [], [labels.question, labels.answer, labels.started, labels.answered]];
  rows.push([labels.total, '', value(started.total), value(answered.total)]);
  const keys = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
  const lang = keys(started.byLanguageAndGender.rowKeys, answered.byLanguageAndGender.rowKeys);
  const at = (table: CrossTable, key: string, side: 'row' | 'column') => {
    const i = (side === 'row' ? table.rowKeys : table.columnKeys).indexOf(key);
    return i === -1 ? 0 : (side === 'row' ? table.rowTotals : table.columnTotals)[i]!;
  };
  for (const key of lang) rows.push([labels.byLanguage, labels.language(key), value(at(started.byLanguageAndGender, key, 'row')), value(at(answered.byLanguageAndGender, key, 'row'))]);
  for (const key of keys(started.byLanguageAndGender.columnKeys, answered.byLanguageAndGender.columnKeys)) {
    rows.push([labels.byGender, labels.gender(key), value(at(started.byLanguageAndGender, key, 'column')), value(at(answered.byLanguageAndGender, key, 'column'))]);
  }
  const count = (table: CountTable, key: string) => (table.rows.find((r) => r.key === key) ? table.rows.find((r) => r.key === key)!.value : 0);
  for (const key of keys(started.byForm.rows.map((r) => r.key), answered.byForm.rows.map((r) => r.key))) rows.push([labels.byForm, labels.form(key), value(count(started.byForm, key)), value(count(answered.byForm, key))]);
  for (const key of keys(started.bySetting.rows.map((r) => r.key), answered.bySetting.rows.map((r) => r.key))) rows.push([labels.bySetting, labels.setting(key), value(count(started.bySetting, key)), value(count(answered.bySetting, key))]);
  for (const language of lang) {
    for (const gender of keys(started.byLanguageAndGender.columnKeys, answered.byLanguageAndGender.columnKeys)) {
      const cell = (table: CrossTable) => {
        const r = table.rowKeys.indexOf(language);
        const c = table.columnKeys.indexOf(gender);
        return r === -1 || c === -1 ? 0 : table.cells[r]![c]!;
      };
      rows.push([labels.byLanguageAndGender, `${labels.language(language)} · ${labels.gender(gender)}`, value(cell(started.byLanguageAndGender)), value(cell(answered.byLanguageAndGender))]);
    }
  }
  return toCsv(rows, { delimiter, bom: true });
}

// ---------------------------------------------------------------------------------------------
// JSON

/** The report as a JSON download, with its kind and version so that tools can recognise it. */
export function summaryToJson(report: PublishedReport): string {
  return `${JSON.stringify({ kind: 'orienta.survey-summary', summaryVersion: 2, ...report }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Plain text

// eslint-disable-next-line no-control-regex
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
const percent = (share: PublishedShare) => (share.hidden ? 'hidden' : `${(share.share * 100).toFixed(1)} %${share.interval ? ` (${(share.interval[0] * 100).toFixed(0)}–${(share.interval[1] * 100).toFixed(0)})` : ''}`);
const signed = (change: PublishedChange) => (change.hidden ? 'hidden' : `${change.change > 0 ? '+' : ''}${change.change.toFixed(2)} (${change.pairs} pairs)`);

function textTable(header: string[], rows: string[][], indent = '  '): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => indent + cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** A readable plain-text summary for the terminal. */
export function formatSummaryText(report: PublishedReport, { surveys = [], locale = SOURCE_LOCALE }: { surveys?: readonly SurveyDefinition[]; locale?: string } = {}): string {
  const out: string[] = [];
  const invalid = Object.entries(report.files.invalidByReason).map(([reason, count]) => `${reason}: ${count}`).join(', ');
  const skipped = Object.entries(report.responses.skippedByReason).map(([reason, count]) => `${reason}: ${count}`).join(', ');
  out.push(`Period: ${report.period ? `${report.period.from} to ${report.period.to}` : 'all answers'}`);
  out.push(`Files: ${report.files.read} read, ${report.files.valid} valid${invalid ? `, invalid: ${invalid}` : ''}`);
  out.push(`Responses: ${report.responses.counted} counted, ${report.responses.duplicates} duplicates, ${report.responses.skipped} skipped${skipped ? ` (${skipped})` : ''}`);
  out.push(`Groups smaller than ${report.minGroupSize} are hidden, and so is one more group beside each, so a hidden group cannot be worked out by subtraction.`);
  const headline = INDICATOR_NAMES.filter((n) => report.headline[n]).map((n) => [INDICATOR_LABELS[n].en, percent(report.headline[n]!.current), report.headline[n]!.previous ? percent(report.headline[n]!.previous!) : '–']);
  if (report.headline.knowledgeChange) headline.push([INDICATOR_LABELS.knowledgeChange.en, signed(report.headline.knowledgeChange.current), report.headline.knowledgeChange.previous ? signed(report.headline.knowledgeChange.previous) : '–']);
  if (headline.length) out.push('', 'Indicators:', ...textTable(['Indicator', 'This period', 'Previous period'], headline));
  for (const survey of report.surveys) {
    const definition = findSurvey(surveys, survey.surveyId);
    const questionText = (id: string) => {
      const question = definition?.questions.find((q) => q.id === id);
      return question ? `${id}: ${localize(question.text, locale).text}` : id;
    };
    out.push('', `== Survey "${survey.surveyId}" (${survey.kind}): ${survey.responses ?? 'hidden'} responses ==`);
    for (const table of survey.tables) {
      const names = INDICATOR_NAMES.filter((n) => table.rows.some((r) => !r.hidden && r.indicators[n]));
      out.push('', `  By ${table.dimension}:`);
      out.push(...textTable([table.dimension, 'n', ...names.map((n) => INDICATOR_LABELS[n].id.replace(/^share-/, ''))], table.rows.map((r) => (r.hidden ? [printable(r.key || '(no answer)'), 'hidden', ...names.map(() => 'hidden')] : [printable(r.key || '(no answer)'), String(r.n), ...names.map((n) => (r.indicators[n] ? percent(r.indicators[n]!) : '–'))])), '    '));
    }
    if (survey.selfAssessment?.length) out.push('', '  Before → after:', ...survey.selfAssessment.map((c) => `    ${questionText(c.id)}: ${signed(c.change)}`));
    out.push('', '  Questions:');
    for (const q of survey.questions) {
      if (q.hidden) out.push(`    ${questionText(q.id)}: hidden (fewer than ${report.minGroupSize} answers)`);
      else if (q.type === 'likert5') out.push(`    ${questionText(q.id)} (n ${q.n}): 1–5: ${q.counts.join(' / ')}; mean ${q.mean.toFixed(2)}`);
      else if (q.type === 'text') out.push(`    ${questionText(q.id)} (n ${q.n}): ${q.texts.length} shown${q.withheld ? `, ${q.withheld} withheld` : ''}`);
      else out.push(`    ${questionText(q.id)} (n ${q.n}): ${q.options.map((o) => `${o.id}: ${o.count}`).join(', ')}`);
    }
  }
  const block = (name: string, b: FollowUpBlock) => `${name}: ${b.total ?? 'hidden'}`;
  out.push('', `Follow-up (Länsstyrelsen): ${block('started', report.followUp.started)}, ${block('answered the course survey', report.followUp.answered)}`);
  return `${out.join('\n')}\n`;
}
