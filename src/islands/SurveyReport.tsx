/**
 * The municipality's report: teachers and coordinators pick or drop hundreds of exported survey
 * files; the shared aggregation code (`src/lib/survey/aggregate.ts`, the same as the CLI) counts
 * them in this browser. Invalid files are listed with the reason and never stop the others.
 * Everything is rendered as text; small groups are hidden.
 */
import { useRef, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../schemas/survey.ts';
import { createAggregator, INDICATOR_NAMES, type BreakdownRow, type Indicators, type SurveyReport as Report } from '../lib/survey/aggregate.ts';
import { surveyFile } from '../lib/survey/file.ts';
import { localDay } from '../lib/i18n/dates.ts';
import { useOutline } from './hooks.ts';
import { dataErrorText, type FileErrorStrings } from './DataNotice.tsx';
import { localize } from '../lib/survey/localize.ts';
import { scaleLabels } from '../lib/survey/scales.ts';
import { summaryToCsv, summaryToJson } from '../lib/survey/summary-format.ts';
import { format } from '../lib/i18n/format.ts';
import { downloadFile } from '../lib/browser/download.ts';
import BarChart from './BarChart.tsx';

export const REPORT_KEYS = [
  'report.choose', 'report.drop', 'report.reading', 'report.files', 'report.responses', 'report.invalidHeading',
  'report.indicators', 'report.indicator', 'report.share', 'report.n', 'report.ind.verySatisfied', 'report.ind.satisfied', 'report.ind.jobKnowledge',
  'report.ind.languageUnderstood', 'report.selfAssessment', 'report.pairs', 'report.question', 'report.before', 'report.after', 'report.change',
  'report.distributions', 'report.breakdowns', 'report.byModule', 'report.byLocale', 'report.byMonth', 'report.suppressed', 'report.suppressedNote',
  'report.freeText', 'report.downloadCsv', 'report.downloadJson', 'report.empty', 'report.chartLabel', 'report.survey', 'report.clear',
] as const;
type Strings = Record<(typeof REPORT_KEYS)[number], string> & FileErrorStrings;

interface Props {
  locale: string;
  dir: 'ltr' | 'rtl';
  surveys: SurveyDefinition[];
  minGroupSize: number;
  /** Names of locales, for breakdown rows. */
  localeNames: Record<string, string>;
  strings: Strings;
}

export default function SurveyReport({ locale, dir, surveys, minGroupSize, localeNames, strings }: Props) {
  const loaded = useOutline(locale);
  const moduleTitle = (id: string) => (loaded && loaded !== 'failed' ? loaded.modules.find((m) => m.id === id)?.title : undefined) ?? id;
  const [report, setReport] = useState<Report | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 1000) / 10} %`);
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const title = (id: string) => {
    const def = surveys.find((s) => s.id === id);
    return def ? localize(def.title, locale).text : id;
  };
  const questionText = (surveyId: string, questionId: string) => {
    const q = surveys.find((s) => s.id === surveyId)?.questions.find((x) => x.id === questionId);
    return q ? localize(q.text, locale).text : questionId;
  };

  async function load(files: FileList | File[]) {
    const list = [...files];
    const aggregator = createAggregator({ surveys, minGroupSize });
    setProgress({ done: 0, total: list.length });
    for (const [i, file] of list.entries()) {
      if (file.size > surveyFile.maxBytes) aggregator.addRejectedFile(file.name, { code: 'file-too-large' });
      else {
        try {
          aggregator.addFile(file.name, await file.text());
        } catch {
          aggregator.addRejectedFile(file.name, { code: 'file-unreadable' });
        }
      }
      if (i % 25 === 24) setProgress({ done: i + 1, total: list.length });
    }
    setProgress(null);
    setReport(aggregator.result());
  }

  const indicatorRows = (indicators: Indicators) =>
    INDICATOR_NAMES.filter((name) => indicators[name]).map((name) => ({ name, share: indicators[name]! }));

  const breakdown = (heading: string, rows: BreakdownRow[], label: (key: string) => string) =>
    rows.length > 0 && (
      <>
        <h4>{heading}</h4>
        <div class="table-scroll" tabIndex={0} role="region" aria-label={heading}>
          <table data-breakdown={heading}>
            <thead>
              <tr>
                <th scope="col">{heading}</th>
                <th scope="col">{strings['report.n']}</th>
                {INDICATOR_NAMES.map((name) => <th scope="col" key={name}>{strings[`report.ind.${name}`]}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{label(row.key)}</th>
                  {row.suppressed ? (
                    <td colSpan={INDICATOR_NAMES.length + 1} class="suppressed">{format(strings['report.suppressed'], { min: minGroupSize })}</td>
                  ) : (
                    <>
                      <td>{row.n}</td>
                      {INDICATOR_NAMES.map((name) => {
                        const cell = row.indicators[name];
                        return <td key={name}>{!cell ? '–' : 'suppressed' in cell ? format(strings['report.suppressed'], { min: minGroupSize }) : `${percent(cell.share)} (n = ${cell.n})`}</td>;
                      })}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );

  return (
    <div class="survey-report">
      <div
        class="dropzone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          if (e.dataTransfer?.files.length) void load(e.dataTransfer.files);
        }}
      >
        <button type="button" class="btn" onClick={() => input.current?.click()}>{strings['report.choose']}</button>
        <span> {strings['report.drop']}</span>
        <input ref={input} type="file" accept="application/json,.json" multiple hidden onChange={(e) => { const f = (e.currentTarget as HTMLInputElement).files; if (f?.length) void load(f); }} />
      </div>
      <p role="status">{progress ? format(strings['report.reading'], progress) : report ? format(strings['report.files'], { read: report.files.read, valid: report.files.valid, invalid: report.files.invalid.length }) : strings['report.empty']}</p>
      {report && (
        <>
          <p data-responses>{format(strings['report.responses'], { counted: report.responses.counted, duplicates: report.responses.duplicates, skipped: report.responses.skipped })}</p>
          <p class="actions">
            <button type="button" class="btn btn-secondary" onClick={() => downloadFile(`orienta-survey-summary-${localDay()}.csv`, summaryToCsv(report), 'text/csv;charset=utf-8')}>{strings['report.downloadCsv']}</button>
            <button type="button" class="btn btn-secondary" onClick={() => downloadFile(`orienta-survey-summary-${localDay()}.json`, summaryToJson(report))}>{strings['report.downloadJson']}</button>
            <button type="button" class="btn btn-secondary" onClick={() => setReport(null)}>{strings['report.clear']}</button>
          </p>
          {report.files.invalid.length > 0 && (
            <section>
              <h2>{strings['report.invalidHeading']}</h2>
              <ul data-invalid-files>
                {report.files.invalid.map((f, i) => <li key={i}><span dir="auto">{f.name}</span>: {dataErrorText(f.reason.code, strings)}</li>)}
              </ul>
            </section>
          )}
          <section>
            <h2>{strings['report.indicators']}</h2>
            <table data-indicators>
              <thead><tr><th scope="col">{strings['report.indicator']}</th><th scope="col">{strings['report.share']}</th><th scope="col">{strings['report.n']}</th></tr></thead>
              <tbody>
                {indicatorRows(report.headline).map(({ name, share }) => (
                  <tr key={name} data-indicator={name}><th scope="row">{strings[`report.ind.${name}`]}</th><td>{percent(share.share)}</td><td>{share.n}</td></tr>
                ))}
              </tbody>
            </table>
            <p class="hint">{format(strings['report.suppressedNote'], { min: minGroupSize })}</p>
          </section>
          {report.surveys.map((summary) => (
            <section key={summary.surveyId} data-survey-summary={summary.surveyId}>
              <h2>{strings['report.survey']}: {title(summary.surveyId)} (n = {summary.responses})</h2>
              {summary.selfAssessment && (
                <>
                  <h3>{strings['report.selfAssessment']}</h3>
                  <p>{format(strings['report.pairs'], { count: summary.selfAssessment.linkedPairs })}</p>
                  <table data-self-assessment>
                    <thead><tr><th scope="col">{strings['report.question']}</th><th scope="col">{strings['report.before']}</th><th scope="col">{strings['report.after']}</th><th scope="col">{strings['report.change']}</th><th scope="col">{strings['report.n']}</th></tr></thead>
                    <tbody>
                      {summary.selfAssessment.questions.map((q) => (
                        <tr key={q.questionId} data-question={q.questionId}>
                          <th scope="row">{questionText(summary.surveyId, q.questionId)}</th>
                          <td>{q.meanBefore === null ? '–' : nf.format(q.meanBefore)}</td>
                          <td>{q.meanAfter === null ? '–' : nf.format(q.meanAfter)}</td>
                          <td>{q.meanChange === null ? '–' : `${q.meanChange > 0 ? '+' : ''}${nf.format(q.meanChange)}`}</td>
                          <td>{q.pairs}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
              <h3>{strings['report.distributions']}</h3>
              {summary.questions.map((q) => {
                const name = questionText(summary.surveyId, q.questionId);
                const def = surveys.find((s) => s.id === summary.surveyId)?.questions.find((x) => x.id === q.questionId);
                if (q.type === 'likert5') {
                  const labels = def?.scale ? scaleLabels(def.scale).map((label, i) => `${i + 1} – ${localize(label, locale).text}`) : ['1', '2', '3', '4', '5'];
                  return (
                    <div key={q.questionId} data-distribution={q.questionId}>
                      <h4>{name} (n = {q.n})</h4>
                      <BarChart name={format(strings['report.chartLabel'], { name })} dir={dir} max={Math.max(1, ...q.counts)} columns={[strings['report.question'], strings['report.n']]} bars={q.counts.map((c, i) => ({ label: labels[i]!, value: c, display: String(c) }))} />
                    </div>
                  );
                }
                if (q.type === 'single' || q.type === 'multiple') {
                  return (
                    <div key={q.questionId} data-distribution={q.questionId}>
                      <h4>{name} (n = {q.n})</h4>
                      <BarChart name={format(strings['report.chartLabel'], { name })} dir={dir} max={Math.max(1, ...q.options.map((o) => o.count))} columns={[strings['report.question'], strings['report.n']]}
                        bars={q.options.map((o) => {
                          const option = def?.options?.find((x) => x.id === o.optionId);
                          return { label: option ? localize(option.label, locale).text : o.optionId, value: o.count, display: String(o.count) };
                        })} />
                    </div>
                  );
                }
                if (q.type !== 'text') return null;
                return (
                  <div key={q.questionId} data-free-text={q.questionId}>
                    <h4>{strings['report.freeText']}: {name} (n = {q.n})</h4>
                    <ul class="free-text">{q.texts.map((text, i) => <li key={i} dir="auto">{text}</li>)}</ul>
                  </div>
                );
              })}
              <h3>{strings['report.breakdowns']}</h3>
              {breakdown(strings['report.byModule'], summary.breakdowns.module, moduleTitle)}
              {breakdown(strings['report.byLocale'], summary.breakdowns.locale, (k) => localeNames[k] ?? k)}
              {breakdown(strings['report.byMonth'], summary.breakdowns.month, (k) => k)}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
