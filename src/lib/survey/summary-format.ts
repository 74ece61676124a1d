/**
 * The report as downloads (CSV, JSON) and as a plain-text table for the CLI.
 */
import type { SurveyDefinition } from '../../schemas/survey.ts';
import { INDICATOR_NAMES, type BreakdownRow, type IndicatorName, type Indicators, type Share, type SurveyReport } from './aggregate.ts';
import { findSurvey } from './definitions.ts';
import { localize } from './localize.ts';
import { toCsv, type CsvCell } from '../text/csv.ts';
import { SOURCE_LOCALE } from '../i18n/locales.ts';

/** Stable names of the indicators in downloads. */
export const INDICATOR_LABELS: Readonly<Record<IndicatorName, { id: string; en: string }>> = {
  verySatisfied: { id: 'share-very-satisfied', en: 'Very satisfied (5 of 5)' },
  satisfied: { id: 'share-satisfied', en: 'Satisfied (4–5)' },
  jobKnowledge: { id: 'share-know-better-job', en: 'Know better what it takes to get a job (4–5)' },
  languageUnderstood: { id: 'share-language-understood', en: 'Course in a language I understand well (4–5)' },
};

// ---------------------------------------------------------------------------------------------
// CSV

type Cell = CsvCell;

/** Rounds shares and means for downloads, so files do not show float noise. */
const round = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Number(value.toFixed(4)));

/** The CSV columns, in order. */
export const CSV_COLUMNS = ['section', 'survey', 'question', 'group', 'key', 'measure', 'value', 'count', 'n'] as const;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], Cell>>;

function indicatorRows(section: string, survey: string, indicators: Indicators, extra: Row = {}): Row[] {
  return INDICATOR_NAMES.filter((name) => indicators[name]).map((name) => {
    const share = indicators[name]!;
    return { section, survey, ...extra, measure: INDICATOR_LABELS[name].id, value: round(share.share), count: share.count, n: share.n };
  });
}

function breakdownRows(survey: string, group: string, rows: BreakdownRow[]): Row[] {
  return rows.flatMap((row): Row[] => {
    const where = { section: 'breakdown', survey, group, key: row.key };
    if (row.suppressed) return [{ ...where, measure: 'responses', value: 'suppressed' }];
    const cells: Row[] = [{ ...where, measure: 'responses', value: row.n, n: row.n }];
    for (const name of INDICATOR_NAMES) {
      const cell = row.indicators[name];
      if (!cell) continue;
      if ('suppressed' in cell) cells.push({ ...where, measure: INDICATOR_LABELS[name].id, value: 'suppressed' });
      else cells.push({ ...where, measure: INDICATOR_LABELS[name].id, value: round(cell.share), count: cell.count, n: cell.n });
    }
    return cells;
  });
}

/**
 * The report as one long CSV table (columns `CSV_COLUMNS`), one number per row, for spreadsheets.
 * Suppressed cells say "suppressed" and carry no numbers. CRLF line ends; a UTF-8 byte-order mark
 * first (unless `bom: false`) so spreadsheet programs read Arabic, Persian and Tigrinya correctly.
 */
export function summaryToCsv(report: SurveyReport, { bom = true }: { bom?: boolean } = {}): string {
  const rows: Row[] = [
    { section: 'files', measure: 'read', value: report.files.read },
    { section: 'files', measure: 'valid', value: report.files.valid },
    { section: 'files', measure: 'invalid', value: report.files.invalid.length },
    { section: 'responses', measure: 'read', value: report.responses.read },
    { section: 'responses', measure: 'counted', value: report.responses.counted },
    { section: 'responses', measure: 'duplicates', value: report.responses.duplicates },
    { section: 'responses', measure: 'skipped', value: report.responses.skipped },
    ...Object.entries(report.responses.skippedByReason).map(([reason, count]): Row => ({ section: 'responses', key: reason, measure: 'skipped', value: count })),
    { section: 'settings', measure: 'min-group-size', value: report.minGroupSize },
    ...report.sites.map((site): Row => ({ section: 'site', key: site.siteId, measure: 'responses', value: site.responses })),
    ...indicatorRows('headline', '', report.headline),
  ];
  for (const survey of report.surveys) {
    const id = survey.surveyId;
    rows.push({ section: 'survey', survey: id, measure: 'responses', value: survey.responses });
    for (const version of survey.versions) rows.push({ section: 'survey', survey: id, key: `v${version.version}`, measure: 'responses', value: version.responses });
    rows.push(...indicatorRows('indicator', id, survey.indicators));
    rows.push(...breakdownRows(id, 'module', survey.breakdowns.module), ...breakdownRows(id, 'locale', survey.breakdowns.locale), ...breakdownRows(id, 'month', survey.breakdowns.month));
    if (survey.selfAssessment) {
      const self = survey.selfAssessment;
      rows.push({ section: 'self-assessment', survey: id, measure: 'linked-pairs', value: self.linkedPairs });
      rows.push({ section: 'self-assessment', survey: id, measure: 'before-only', value: self.beforeOnly });
      rows.push({ section: 'self-assessment', survey: id, measure: 'after-only', value: self.afterOnly });
      for (const q of self.questions) {
        rows.push({ section: 'self-assessment', survey: id, question: q.questionId, measure: 'mean-before', value: round(q.meanBefore), n: q.pairs });
        rows.push({ section: 'self-assessment', survey: id, question: q.questionId, measure: 'mean-after', value: round(q.meanAfter), n: q.pairs });
        rows.push({ section: 'self-assessment', survey: id, question: q.questionId, measure: 'mean-change', value: round(q.meanChange), n: q.pairs });
      }
    }
    for (const q of survey.questions) {
      const where = { section: 'distribution', survey: id, question: q.questionId };
      if (q.type === 'likert5') {
        q.counts.forEach((count, index) => rows.push({ ...where, key: String(index + 1), measure: 'count', value: count, n: q.n }));
        rows.push({ ...where, measure: 'mean', value: round(q.mean), n: q.n });
      } else if (q.type === 'text') {
        rows.push({ ...where, measure: 'answered', value: q.n, n: q.n });
        for (const text of q.texts) rows.push({ section: 'text', survey: id, question: q.questionId, measure: 'text', value: text });
        if (q.textsOmitted > 0) rows.push({ section: 'text', survey: id, question: q.questionId, measure: 'texts-omitted', value: q.textsOmitted });
      } else {
        for (const option of q.options) rows.push({ ...where, key: option.optionId, measure: 'count', value: option.count, n: q.n });
      }
    }
  }
  for (const file of report.files.invalid) rows.push({ section: 'invalid-file', key: file.name, measure: file.reason.code, value: file.reason.message });
  return toCsv([[...CSV_COLUMNS], ...rows.map((row) => CSV_COLUMNS.map((column) => row[column]))], { bom });
}

// ---------------------------------------------------------------------------------------------
// JSON

/** The report as a JSON download, with its kind and version so that tools can recognise it. */
export function summaryToJson(report: SurveyReport): string {
  return `${JSON.stringify({ kind: 'orienta.survey-summary', summaryVersion: 1, ...report }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** Text from files (names, messages) without control characters, so it cannot drive the terminal. */
// eslint-disable-next-line no-control-regex
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

const percent = (share: Share) => (share.share === null ? '–' : `${(share.share * 100).toFixed(1)} %`);
const decimal = (value: number | null) => (value === null ? '–' : value.toFixed(2));
const signed = (value: number | null) => (value === null ? '–' : `${value > 0 ? '+' : ''}${value.toFixed(2)}`);

function table(header: string[], rows: string[][], indent = '  '): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => indent + cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

function indicatorTable(indicators: Indicators): string[] {
  const rows = INDICATOR_NAMES.filter((name) => indicators[name]).map((name) => {
    const share = indicators[name]!;
    return [INDICATOR_LABELS[name].en, percent(share), String(share.count), String(share.n)];
  });
  return rows.length ? table(['Indicator', 'Share', 'Count', 'n'], rows) : [];
}

function breakdownTable(title: string, rows: BreakdownRow[], minGroupSize: number): string[] {
  if (rows.length === 0) return [];
  const names = INDICATOR_NAMES.filter((name) => rows.some((row) => !row.suppressed && row.indicators[name]));
  const body = rows.map((row) => {
    if (row.suppressed) return [printable(row.key), `< ${minGroupSize}`, ...names.map(() => 'hidden')];
    return [printable(row.key), String(row.n), ...names.map((name) => {
      const cell = row.indicators[name]!;
      return 'suppressed' in cell ? 'hidden' : `${percent(cell)} (${cell.n})`;
    })];
  });
  return ['', `  By ${title}:`, ...table([title, 'n', ...names.map((name) => INDICATOR_LABELS[name].id.replace(/^share-/, ''))], body, '    ')];
}

/**
 * A readable plain-text summary for the terminal. Question texts come from `surveys` in `locale`
 * (Swedish by default) when given.
 */
export function formatSummaryText(report: SurveyReport, { surveys = [], locale = SOURCE_LOCALE }: { surveys?: readonly SurveyDefinition[]; locale?: string } = {}): string {
  const out: string[] = [];
  const skippedReasons = Object.entries(report.responses.skippedByReason).map(([reason, count]) => `${reason}: ${count}`).join(', ');
  out.push(`Files: ${report.files.read} read, ${report.files.valid} valid, ${report.files.invalid.length} invalid`);
  out.push(`Responses: ${report.responses.counted} counted, ${report.responses.duplicates} duplicates, ${report.responses.skipped} skipped${skippedReasons ? ` (${skippedReasons})` : ''}`);
  out.push(`Breakdown cells with fewer than ${report.minGroupSize} responses are hidden.`);
  if (Object.keys(report.headline).length) out.push('', 'Course indicators:', ...indicatorTable(report.headline));
  for (const survey of report.surveys) {
    const definition = findSurvey(surveys, survey.surveyId);
    const questionText = (id: string) => {
      const question = definition?.questions.find((q) => q.id === id);
      return question ? `${id}: ${localize(question.text, locale).text}` : id;
    };
    out.push('', `== Survey "${survey.surveyId}" (${survey.kind}): ${survey.responses} responses ==`);
    out.push(...indicatorTable(survey.indicators));
    out.push(...breakdownTable('module', survey.breakdowns.module, report.minGroupSize));
    out.push(...breakdownTable('locale', survey.breakdowns.locale, report.minGroupSize));
    out.push(...breakdownTable('month', survey.breakdowns.month, report.minGroupSize));
    if (survey.selfAssessment) {
      const self = survey.selfAssessment;
      out.push('', `  Before → after: ${self.linkedPairs} linked pairs (${self.beforeOnly} before only, ${self.afterOnly} after only)`);
      out.push(...table(['Question', 'Pairs', 'Before', 'After', 'Change'], self.questions.map((q) => [q.questionId, String(q.pairs), decimal(q.meanBefore), decimal(q.meanAfter), signed(q.meanChange)]), '    '));
    }
    out.push('', '  Questions:');
    for (const q of survey.questions) {
      out.push(`    ${questionText(q.questionId)} (n ${q.n})`);
      if (q.type === 'likert5') out.push(`      1–5: ${q.counts.join(' / ')}; mean ${decimal(q.mean)}`);
      else if (q.type === 'text') {
        out.push(`      ${q.n} answers${q.textsOmitted ? `, ${q.textsOmitted} not kept` : ''}`);
      } else out.push(`      ${q.options.map((o) => `${o.optionId}: ${o.count}`).join(', ')}`);
    }
  }
  if (report.files.invalid.length) {
    out.push('', 'Invalid files:');
    for (const file of report.files.invalid) out.push(`  ${printable(file.name)}: ${file.reason.code}: ${printable(file.reason.message ?? "")}`);
  }
  return `${out.join('\n')}\n`;
}
