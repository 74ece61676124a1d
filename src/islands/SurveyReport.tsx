/**
 * The municipality's survey report. Teachers and coordinators pick or drop the survey files
 * participants exported, and partial summaries from other municipalities; the shared code counts
 * them in this browser (`aggregate.ts`, `partial.ts`) and publishes them for the chosen period
 * with small groups hidden (`publish.ts`): the same numbers as the CLI. Nothing is sent anywhere.
 *
 * Lifecycle: loading files replaces the summary; changing the period republishes it without
 * reading the files again. "Print the follow-up summary" marks the page so that only that section
 * prints, and unmarks it after printing.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../schemas/survey.ts';
import { createAggregator, type FreeTexts } from '../lib/survey/aggregate.ts';
import { mergePartials, readPartialFile, writePartialFile, type PartialSummary } from '../lib/survey/partial.ts';
import { INDICATOR_NAMES, periodsWithAnswers, publish, soPeriodOf, type CountTable, type CrossTable, type Period, type PublishedChange, type PublishedReport, type PublishedShare, type PublishedTable } from '../lib/survey/publish.ts';
import { followUpToCsv, summaryToCsv, summaryToJson } from '../lib/survey/summary-format.ts';
import { surveyFile } from '../lib/survey/file.ts';
import { SURVEY_PARTIAL_FILE } from '../schemas/formats.ts';
import { toIsoDay } from '../lib/device-data/ids.ts';
import { format } from './format.ts';
import { localize } from '../lib/survey/localize.ts';
import { scaleLabels } from '../lib/survey/scales.ts';
import { csvDelimiterFor } from '../lib/text/csv.ts';
import { absoluteUrl, schemaPath } from '../lib/routing/paths.ts';
import { downloadFile } from '../lib/browser/download.ts';
import type { FileError } from '../lib/device-data/errors.ts';
import { useOutline } from './hooks.ts';
import { dataErrorText, type FileErrorStrings } from './DataNotice.tsx';
import BarChart from './BarChart.tsx';

export const REPORT_KEYS = [
  'report.choose', 'report.drop', 'report.reading', 'report.files', 'report.responses', 'report.invalidHeading', 'report.indicators',
  'report.indicator', 'report.share', 'report.n', 'report.ind.verySatisfied', 'report.ind.satisfied', 'report.ind.jobKnowledge',
  'report.ind.languageUnderstood', 'report.selfAssessment', 'report.question', 'report.before', 'report.after', 'report.change',
  'report.distributions', 'report.breakdowns', 'report.byModule', 'report.byLocale', 'report.byMonth', 'report.freeText', 'report.downloadCsv',
  'report.downloadJson', 'report.empty', 'report.chartLabel', 'report.survey', 'report.clear', 'report.period', 'report.periodOption',
  'report.periodAll', 'report.thisPeriod', 'report.previousPeriod', 'report.interval', 'report.hidden', 'report.hiddenNote', 'report.knowledgeChange',
  'report.byGender', 'report.bySetting', 'report.byForm', 'report.noAnswer', 'report.total', 'report.withheld', 'report.invalidCount',
  'report.partialsMerged', 'report.downloadPartial', 'report.partialNote', 'report.followUp', 'report.followUpIntro', 'report.started',
  'report.answered', 'report.language', 'report.gender', 'report.form', 'report.setting', 'report.languageAndGender', 'report.notCollected',
  'report.downloadFollowUp', 'report.printFollowUp', 'report.question.label', 'report.answer',
] as const;
type Strings = Record<(typeof REPORT_KEYS)[number], string> & FileErrorStrings;

interface Props {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** BCP-47 tag for numbers. */
  lang: string;
  surveys: SurveyDefinition[];
  minGroupSize: number;
  /** Names of locales, for rows by language. */
  localeNames: Record<string, string>;
  strings: Strings;
}

type Loaded = { summary: PartialSummary; texts: FreeTexts[]; partials: number };

export default function SurveyReport({ locale, dir, lang, surveys, minGroupSize, localeNames, strings }: Props) {
  const outline = useOutline(locale);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [periodKey, setPeriodKey] = useState<string>('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const after = () => root.current?.classList.remove('printing-follow-up');
    addEventListener('afterprint', after);
    return () => removeEventListener('afterprint', after);
  }, []);

  const current = soPeriodOf(new Date());
  const periods = useMemo(() => {
    const list = loaded ? periodsWithAnswers(loaded.summary) : [];
    return list.some((p) => p.from === current.from) ? list : [current, ...list];
  }, [loaded]);
  const period: Period | null = periodKey === 'all' ? null : (periods.find((p) => p.from === periodKey) ?? current);
  const report: PublishedReport | null = useMemo(() => (loaded ? publish(loaded.summary, { minGroupSize, period, texts: loaded.texts }) : null), [loaded, periodKey]);

  const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const pct = (value: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const surveyDef = (id: string) => surveys.filter((s) => s.id === id).sort((a, b) => b.version - a.version)[0];
  const title = (id: string) => (surveyDef(id) ? localize(surveyDef(id)!.title, locale).text : id);
  const questionDef = (surveyId: string, questionId: string) => surveys.filter((s) => s.id === surveyId).flatMap((s) => s.questions).find((q) => q.id === questionId);
  const questionText = (surveyId: string, questionId: string) => {
    const q = questionDef(surveyId, questionId);
    return q ? localize(q.text, locale).text : questionId;
  };
  const optionLabel = (role: 'gender' | 'setting' | 'form', id: string) => {
    if (!id) return strings['report.noAnswer'];
    const option = surveys.flatMap((s) => s.questions).find((q) => q.indicator === role)?.options?.find((o) => o.id === id);
    return option ? localize(option.label, locale).text : id;
  };
  const moduleTitle = (id: string) => (outline && outline !== 'failed' ? outline.modules.find((m) => m.id === id)?.title : undefined) ?? id;
  const periodLabel = (p: Period) => format(strings['report.periodOption'], { from: p.from.slice(0, 4), to: p.to.slice(0, 4) });

  async function load(files: FileList | File[]) {
    const list = [...files];
    const aggregator = createAggregator({ surveys, ...(outline && outline !== 'failed' ? { moduleIds: new Set(outline.modules.map((m) => m.id)) } : {}) });
    const partials: PartialSummary[] = [];
    setProgress({ done: 0, total: list.length });
    for (const [i, file] of list.entries()) {
      if (file.size > Math.max(surveyFile.maxBytes, SURVEY_PARTIAL_FILE.maxBytes)) aggregator.addRejectedFile('file-too-large');
      else {
        const text = await file.text().catch(() => null);
        if (text === null) aggregator.addRejectedFile('file-unreadable');
        else if (text.includes(`"${SURVEY_PARTIAL_FILE.kind}"`)) {
          const read = readPartialFile(text, new Date());
          if (read.ok) partials.push(read.file);
          else aggregator.addRejectedFile(read.error);
        } else if (file.size > surveyFile.maxBytes) aggregator.addRejectedFile('file-too-large');
        else aggregator.addFile(text);
      }
      if (i % 25 === 24) setProgress({ done: i + 1, total: list.length });
    }
    setProgress(null);
    const own = aggregator.partial();
    setLoaded({ summary: partials.length ? mergePartials([own, ...partials]) : own, texts: aggregator.texts(), partials: partials.length });
  }

  const share = (value: PublishedShare | undefined) => {
    if (!value) return '–';
    if (value.hidden) return strings['report.hidden'];
    const interval = value.interval ? ` · ${format(strings['report.interval'], { low: pct(value.interval[0]), high: pct(value.interval[1]) })}` : '';
    return `${pct(value.share)} (n = ${value.n})${interval}`;
  };
  const change = (value: PublishedChange | null | undefined) => {
    if (!value) return '–';
    if (value.hidden) return strings['report.hidden'];
    const signed = `${value.change > 0 ? '+' : ''}${nf.format(value.change)}`;
    const interval = value.interval ? ` · ${format(strings['report.interval'], { low: nf.format(value.interval[0]), high: nf.format(value.interval[1]) })}` : '';
    return `${signed} (n = ${value.pairs})${interval}`;
  };
  const rowLabel = (table: PublishedTable, key: string) =>
    table.dimension === 'locale' ? (localeNames[key] ?? key) : table.dimension === 'module' ? moduleTitle(key) : table.dimension === 'gender' || table.dimension === 'setting' || table.dimension === 'form' ? optionLabel(table.dimension, key) : key;
  const tableHeading: Record<string, keyof Strings> = { locale: 'report.byLocale', gender: 'report.byGender', module: 'report.byModule', month: 'report.byMonth', setting: 'report.bySetting', form: 'report.byForm' };

  const indicatorTable = (table: PublishedTable) => {
    const names = INDICATOR_NAMES.filter((name) => table.rows.some((r) => !r.hidden && r.indicators[name]));
    const heading = strings[tableHeading[table.dimension]!];
    return (
      <div key={table.dimension}>
        <h4>{heading}</h4>
        <div class="table-scroll" tabIndex={0} role="region" aria-label={heading}>
          <table data-breakdown={table.dimension}>
            <thead>
              <tr><th scope="col">{heading}</th><th scope="col">{strings['report.n']}</th>{names.map((name) => <th scope="col" key={name}>{strings[`report.ind.${name}`]}</th>)}</tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key} data-row={row.key} data-hidden={row.hidden ? 'true' : undefined}>
                  <th scope="row">{rowLabel(table, row.key)}</th>
                  {row.hidden ? <td colSpan={names.length + 1} class="suppressed">{strings['report.hidden']}</td> : (
                    <>
                      <td>{row.n}</td>
                      {names.map((name) => <td key={name}>{share(row.indicators[name])}</td>)}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot><tr><th scope="row">{strings['report.total']}</th><td>{table.total ?? strings['report.hidden']}</td>{names.map((name) => <td key={name} />)}</tr></tfoot>
          </table>
        </div>
      </div>
    );
  };

  const countCell = (value: number | null | undefined) => (value === null ? strings['report.hidden'] : (value ?? 0));
  const followUpRows = (label: string, keys: string[], started: (key: string) => number | null, answered: (key: string) => number | null, name: (key: string) => string) =>
    keys.map((key, i) => (
      <tr key={`${label}-${key}`}>
        {i === 0 && <th scope="rowgroup" rowSpan={keys.length}>{label}</th>}
        <th scope="row">{name(key)}</th>
        <td>{countCell(started(key))}</td>
        <td>{countCell(answered(key))}</td>
      </tr>
    ));
  const margin = (table: CrossTable, key: string, side: 'row' | 'column') => {
    const i = (side === 'row' ? table.rowKeys : table.columnKeys).indexOf(key);
    return i === -1 ? 0 : (side === 'row' ? table.rowTotals : table.columnTotals)[i]!;
  };
  const count = (table: CountTable, key: string) => table.rows.find((r) => r.key === key)?.value ?? 0;
  const union = (...lists: string[][]) => [...new Set(lists.flat())].sort();

  function downloadFollowUp() {
    if (!report) return;
    const csv = followUpToCsv(report, {
      title: strings['report.followUp'],
      period: strings['report.period'],
      question: strings['report.question.label'],
      answer: strings['report.answer'],
      started: strings['report.started'],
      answered: strings['report.answered'],
      total: strings['report.total'],
      hidden: strings['report.hidden'],
      language: (code) => localeNames[code] ?? code,
      gender: (id) => optionLabel('gender', id),
      form: (id) => optionLabel('form', id),
      setting: (id) => optionLabel('setting', id),
      byLanguage: strings['report.language'],
      byGender: strings['report.gender'],
      byLanguageAndGender: strings['report.languageAndGender'],
      byForm: strings['report.form'],
      bySetting: strings['report.setting'],
      minGroupNote: format(strings['report.hiddenNote'], { min: minGroupSize }),
    }, csvDelimiterFor(lang));
    downloadFile(`uppfoljning-samhallsorientering-${period ? `${period.from}-${period.to}` : 'alla'}.csv`, csv, 'text/csv;charset=utf-8');
  }

  const invalid = report ? Object.entries(report.files.invalidByReason) : [];
  return (
    <div class="survey-report" ref={root} data-ready={report ? 'true' : undefined}>
      <div class="dropzone no-print" onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); if (e.dataTransfer?.files.length) void load(e.dataTransfer.files); }}>
        <button type="button" class="btn" onClick={() => input.current?.click()}>{strings['report.choose']}</button>
        <span> {strings['report.drop']}</span>
        <input ref={input} type="file" accept="application/json,.json" multiple hidden onChange={(e) => { const f = (e.currentTarget as HTMLInputElement).files; if (f?.length) void load(f); }} />
      </div>
      <p role="status">{progress ? format(strings['report.reading'], progress) : report ? format(strings['report.files'], { read: report.files.read, valid: report.files.valid, invalid: report.files.read - report.files.valid }) : strings['report.empty']}</p>
      {report && loaded && (
        <>
          <div class="field no-print">
            <label for="report-period">{strings['report.period']}</label>
            <select id="report-period" value={periodKey || current.from} onChange={(e) => setPeriodKey((e.currentTarget as HTMLSelectElement).value)}>
              {periods.map((p) => <option key={p.from} value={p.from}>{periodLabel(p)}</option>)}
              <option value="all">{strings['report.periodAll']}</option>
            </select>
          </div>
          <p data-responses>{format(strings['report.responses'], { counted: report.responses.counted, duplicates: report.responses.duplicates, skipped: report.responses.skipped })}</p>
          {loaded.partials > 0 && <p>{format(strings['report.partialsMerged'], { count: loaded.partials })}</p>}
          {invalid.length > 0 && (
            <section>
              <h2>{strings['report.invalidHeading']}</h2>
              <ul data-invalid-files>{invalid.map(([reason, n]) => <li key={reason}>{format(strings['report.invalidCount'], { count: n!, reason: dataErrorText(reason as FileError, strings) })}</li>)}</ul>
            </section>
          )}
          <p class="hint">{format(strings['report.hiddenNote'], { min: minGroupSize })}</p>
          <p class="actions no-print">
            <button type="button" class="btn btn-secondary" onClick={() => downloadFile(`orienta-survey-summary-${toIsoDay()}.csv`, summaryToCsv(report), 'text/csv;charset=utf-8')}>{strings['report.downloadCsv']}</button>
            <button type="button" class="btn btn-secondary" onClick={() => downloadFile(`orienta-survey-summary-${toIsoDay()}.json`, summaryToJson(report))}>{strings['report.downloadJson']}</button>
            <button type="button" class="btn btn-secondary" onClick={() => downloadFile(`orienta-survey-partial-${toIsoDay()}.json`, writePartialFile(loaded.summary, absoluteUrl(schemaPath(SURVEY_PARTIAL_FILE.schema))))}>{strings['report.downloadPartial']}</button>
            <button type="button" class="btn btn-secondary" onClick={() => setLoaded(null)}>{strings['report.clear']}</button>
          </p>
          <p class="hint no-print">{strings['report.partialNote']}</p>

          <section class="report-indicators">
            <h2>{strings['report.indicators']}</h2>
            <div class="table-scroll" tabIndex={0} role="region" aria-label={strings['report.indicators']}>
              <table data-indicators>
                <thead><tr><th scope="col">{strings['report.indicator']}</th><th scope="col">{period ? periodLabel(period) : strings['report.periodAll']}</th>{report.previousPeriod && <th scope="col">{periodLabel(report.previousPeriod)}</th>}</tr></thead>
                <tbody>
                  {INDICATOR_NAMES.filter((name) => report.headline[name]).map((name) => (
                    <tr key={name} data-indicator={name} data-hidden={report.headline[name]!.current.hidden ? 'true' : undefined}>
                      <th scope="row">{strings[`report.ind.${name}`]}</th>
                      <td>{share(report.headline[name]!.current)}</td>
                      {report.previousPeriod && <td>{share(report.headline[name]!.previous ?? undefined)}</td>}
                    </tr>
                  ))}
                  {report.headline.knowledgeChange && (
                    <tr data-indicator="knowledgeChange" data-hidden={report.headline.knowledgeChange.current.hidden ? 'true' : undefined}>
                      <th scope="row">{strings['report.knowledgeChange']}</th>
                      <td>{change(report.headline.knowledgeChange.current)}</td>
                      {report.previousPeriod && <td>{change(report.headline.knowledgeChange.previous)}</td>}
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </section>

          <section class="follow-up" data-follow-up aria-labelledby="follow-up-heading">
            <h2 id="follow-up-heading">{strings['report.followUp']}: {period ? periodLabel(period) : strings['report.periodAll']}</h2>
            <p>{strings['report.followUpIntro']}</p>
            <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="follow-up-heading">
              <table data-follow-up-table>
                <thead><tr><th scope="col" colSpan={2}>{strings['report.question.label']}</th><th scope="col">{strings['report.started']}</th><th scope="col">{strings['report.answered']}</th></tr></thead>
                <tbody>
                  <tr data-follow-up-total><th scope="row" colSpan={2}>{strings['report.total']}</th><td>{countCell(report.followUp.started.total)}</td><td>{countCell(report.followUp.answered.total)}</td></tr>
                  {followUpRows(strings['report.language'], union(report.followUp.started.byLanguageAndGender.rowKeys, report.followUp.answered.byLanguageAndGender.rowKeys), (k) => margin(report.followUp.started.byLanguageAndGender, k, 'row'), (k) => margin(report.followUp.answered.byLanguageAndGender, k, 'row'), (k) => localeNames[k] ?? k)}
                  {followUpRows(strings['report.gender'], union(report.followUp.started.byLanguageAndGender.columnKeys, report.followUp.answered.byLanguageAndGender.columnKeys), (k) => margin(report.followUp.started.byLanguageAndGender, k, 'column'), (k) => margin(report.followUp.answered.byLanguageAndGender, k, 'column'), (k) => optionLabel('gender', k))}
                  {followUpRows(strings['report.form'], union(report.followUp.started.byForm.rows.map((r) => r.key), report.followUp.answered.byForm.rows.map((r) => r.key)), (k) => count(report.followUp.started.byForm, k), (k) => count(report.followUp.answered.byForm, k), (k) => optionLabel('form', k))}
                  {followUpRows(strings['report.setting'], union(report.followUp.started.bySetting.rows.map((r) => r.key), report.followUp.answered.bySetting.rows.map((r) => r.key)), (k) => count(report.followUp.started.bySetting, k), (k) => count(report.followUp.answered.bySetting, k), (k) => optionLabel('setting', k))}
                </tbody>
              </table>
            </div>
            <p class="hint">{strings['report.notCollected']}</p>
            <p class="actions no-print">
              <button type="button" class="btn" onClick={downloadFollowUp}>{strings['report.downloadFollowUp']}</button>{' '}
              <button type="button" class="btn btn-secondary" onClick={() => { root.current?.classList.add('printing-follow-up'); window.print(); }}>{strings['report.printFollowUp']}</button>
            </p>
          </section>

          {report.surveys.filter((s) => s.responses !== 0).map((summary) => (
            <section key={summary.surveyId} class="report-survey" data-survey-summary={summary.surveyId}>
              <h2>{strings['report.survey']}: {title(summary.surveyId)} (n = {summary.responses ?? strings['report.hidden']})</h2>
              {summary.selfAssessment && (
                <>
                  <h3>{strings['report.selfAssessment']}</h3>
                  <div class="table-scroll" tabIndex={0} role="region" aria-label={strings['report.selfAssessment']}>
                    <table data-self-assessment>
                      <thead><tr><th scope="col">{strings['report.question']}</th><th scope="col">{strings['report.before']}</th><th scope="col">{strings['report.after']}</th><th scope="col">{strings['report.change']}</th></tr></thead>
                      <tbody>
                        {summary.selfAssessment.map(({ id, change: c }) => (
                          <tr key={id} data-question={id}>
                            <th scope="row">{questionText(summary.surveyId, id)}</th>
                            {c.hidden ? <td colSpan={3} class="suppressed">{strings['report.hidden']}</td> : (
                              <><td>{nf.format(c.meanBefore)}</td><td>{nf.format(c.meanAfter)}</td><td>{change(c)}</td></>
                            )}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
              <h3>{strings['report.distributions']}</h3>
              {summary.questions.map((q) => {
                const name = questionText(summary.surveyId, q.id);
                if (q.hidden) return <p key={q.id} data-distribution={q.id} data-hidden="true"><strong>{name}</strong>: {strings['report.hidden']}</p>;
                const def = questionDef(summary.surveyId, q.id);
                if (q.type === 'likert5') {
                  const labels = def?.scale ? scaleLabels(def.scale).map((label, i) => `${i + 1} – ${localize(label, locale).text}`) : ['1', '2', '3', '4', '5'];
                  return (
                    <div key={q.id} data-distribution={q.id}>
                      <h4>{name} (n = {q.n})</h4>
                      <BarChart name={format(strings['report.chartLabel'], { name })} dir={dir} max={Math.max(1, ...q.counts)} columns={[strings['report.answer'], strings['report.n']]} bars={q.counts.map((c, i) => ({ label: labels[i]!, value: c, display: String(c) }))} />
                    </div>
                  );
                }
                if (q.type === 'single' || q.type === 'multiple') {
                  return (
                    <div key={q.id} data-distribution={q.id}>
                      <h4>{name} (n = {q.n})</h4>
                      <BarChart name={format(strings['report.chartLabel'], { name })} dir={dir} max={Math.max(1, ...q.options.map((o) => o.count))} columns={[strings['report.answer'], strings['report.n']]}
                        bars={q.options.map((o) => {
                          const option = def?.options?.find((x) => x.id === o.id);
                          return { label: option ? localize(option.label, locale).text : o.id, value: o.count, display: String(o.count) };
                        })} />
                    </div>
                  );
                }
                if (q.type !== 'text') return null;
                return (
                  <div key={q.id} data-free-text={q.id}>
                    <h4>{strings['report.freeText']}: {name} (n = {q.n})</h4>
                    <ul class="free-text">{q.texts.map((text, i) => <li key={i} dir="auto">{text}</li>)}</ul>
                    {q.withheld > 0 && <p class="hint">{format(strings['report.withheld'], { count: q.withheld, min: minGroupSize })}</p>}
                  </div>
                );
              })}
              <h3>{strings['report.breakdowns']}</h3>
              {summary.tables.filter((t) => t.rows.length).map(indicatorTable)}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
