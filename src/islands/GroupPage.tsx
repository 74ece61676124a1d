/**
 * The teacher's group: participants added by scanning their progress passport (camera or a photo
 * of it) or from progress files, shown as a class grid of participants × lessons grouped by
 * module, kept on the teacher's device, exported as CSV with the screen's columns.
 *
 * Lifecycle: opens the group store on mount. A scanned passport or an opened file is checked
 * (another municipality's site, a tampered or cut code, a future date are refused with the reason)
 * and previewed: who it is, what it adds, whether it is a new row or updates one. Only "Add" stores
 * it; the same passport id updates its row. A removed participant can be brought back until the
 * next removal; "Clear the group" asks first.
 */
import { useMemo, useState } from 'preact/hooks';
import { entryFromFile, entryFromPassport, groupStore, receive, removeParticipant, restoreParticipant, type GroupParticipant, type ReceiveOutcome } from '../lib/group/group.ts';
import { classGrid, gridToCsv, type GridSort } from '../lib/group/grid.ts';
import { takeScannedCode, type PartCollection } from '../lib/passport/codec.ts';
import { readProgressFile } from '../lib/progress/transfer.ts';
import { progressFile } from '../lib/progress/file.ts';
import { downloadFile, readFileText } from '../lib/browser/download.ts';
import { toIsoDay } from '../lib/device-data/ids.ts';
import { formatLongDate } from '../lib/i18n/dates.ts';
import { format } from './format.ts';
import { csvDelimiterFor } from '../lib/text/csv.ts';
import { useOutline, useStore } from './hooks.ts';
import { dataErrorText, StorageNotice, type FileErrorStrings, type StorageNoticeStrings } from './DataNotice.tsx';
import Scanner, { SCANNER_KEYS, type CodeOutcome } from './scan/Scanner.tsx';

export const GROUP_KEYS = [
  ...SCANNER_KEYS,
  'group.addHeading', 'group.addIntro', 'group.previewTitle', 'group.previewNew', 'group.previewUpdate', 'group.previewSame', 'group.previewFull',
  'group.lessonsDone', 'group.unknownLessons', 'group.add', 'group.cancel', 'group.added', 'group.cancelled', 'group.refused', 'group.partRead',
  'group.gridHeading', 'group.empty', 'group.participant', 'group.unnamed', 'group.asOf', 'group.viaPassport', 'group.viaFile', 'group.total',
  'group.done', 'group.started', 'group.notStarted', 'group.show', 'group.allModules', 'group.sort', 'group.sort.added', 'group.sort.name',
  'group.sort.done-desc', 'group.sort.done-asc', 'group.remove', 'group.removed', 'group.undo', 'group.csv', 'group.clear', 'group.clearConfirm',
  'group.clearYes', 'group.cleared', 'group.localOnly', 'group.lessonNumber',
] as const;
type Strings = Record<(typeof GROUP_KEYS)[number], string> & StorageNoticeStrings & FileErrorStrings;

interface Props {
  siteId: string;
  locale: string;
  /** BCP-47 tag of the page (CSV delimiter, sorting, dates). */
  lang: string;
  strings: Strings;
}

type Pending = { entry: GroupParticipant; unknown: number; outcome: ReceiveOutcome; source: string };

export default function GroupPage({ siteId, locale, lang, strings }: Props) {
  const [snapshot, store] = useStore(groupStore, siteId);
  const loaded = useOutline(locale);
  const [parts, setParts] = useState<PartCollection>({});
  const [pending, setPending] = useState<Pending[]>([]);
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const [sort, setSort] = useState<GridSort>('added');
  const [moduleFilter, setModuleFilter] = useState('');
  const [removed, setRemoved] = useState<{ participant: GroupParticipant; index: number; label: string } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const outline = loaded && loaded !== 'failed' ? loaded.modules : [];
  const known = useMemo(() => new Set(outline.flatMap((m) => m.lessons.map((l) => l.id))), [outline]);
  const group = snapshot?.value;
  const grid = useMemo(
    () => (group ? classGrid(group, outline.map((m) => ({ id: m.id, title: m.title, lessons: m.lessons.map((l) => ({ id: l.id, title: l.title })) })), { sort, moduleIds: moduleFilter ? [moduleFilter] : [], locale: lang }) : null),
    [group, outline, sort, moduleFilter, lang],
  );
  const label = (entry: { name?: string | undefined | null }, number?: number | null) => entry.name ?? format(strings['group.unnamed'], { number: number ?? '' });

  /** Adds an entry to the preview, with what adding it would do. */
  function preview(entry: GroupParticipant, unknown: number, source: string) {
    if (!group) return;
    const base = pending.reduce((g, p) => receive(g, p.entry).group, group);
    setPending((list) => [...list.filter((p) => p.entry.key !== entry.key), { entry, unknown, outcome: receive(base, entry).outcome, source }]);
  }

  function onCode(text: string): CodeOutcome {
    const step = takeScannedCode(parts, text, { now: new Date(), requireSite: siteId });
    if (step.kind === 'ignored') return 'ignored';
    setParts(step.parts);
    if (step.kind === 'refused') {
      setMessage({ text: format(strings['group.refused'], { reason: dataErrorText(step.error, strings) }), kind: 'error' });
      return step.final ? 'done' : 'ignored';
    }
    if (step.kind === 'waiting') {
      setMessage({ text: format(strings['group.partRead'], { held: step.held, count: step.count }), kind: 'ok' });
      return 'more';
    }
    setMessage(null);
    const { entry, unknown } = entryFromPassport(step.passport, known);
    preview(entry, unknown, 'passport');
    return 'done';
  }

  async function onFile(file: File) {
    const read = await readFileText(file, progressFile.maxBytes);
    const parsed = read.ok ? readProgressFile(read.text, new Date(), siteId) : read;
    if (!parsed.ok) {
      setMessage({ text: `${file.name}: ${format(strings['group.refused'], { reason: dataErrorText(parsed.error, strings) })}`, kind: 'error' });
      return;
    }
    const { entry, unknown } = entryFromFile(parsed.file, known);
    preview(entry, unknown, file.name);
  }

  function addPending() {
    if (!store) return;
    const result = store.update((current) => pending.reduce((g, p) => receive(g, p.entry).group, current));
    const added = pending.filter((p) => p.outcome === 'added').length;
    const updated = pending.filter((p) => p.outcome === 'updated').length;
    setPending([]);
    setMessage(result.saved ? { text: format(strings['group.added'], { added, updated }), kind: 'ok' } : { text: dataErrorText(result.problem, strings), kind: 'error' });
  }

  function remove(key: string, name: string) {
    if (!group || !store) return;
    const index = group.participants.findIndex((p) => p.key === key);
    const participant = group.participants[index];
    if (!participant) return;
    store.update((g) => removeParticipant(g, key));
    setRemoved({ participant, index, label: name });
  }

  function downloadCsv() {
    if (!grid) return;
    const csv = gridToCsv(grid, {
      participant: strings['group.participant'],
      unnamed: (number) => format(strings['group.unnamed'], { number }),
      asOf: format(strings['group.asOf'], { date: '' }).trim(),
      done: strings['group.done'],
      started: strings['group.started'],
      notStarted: strings['group.notStarted'],
      total: strings['group.total'],
    }, csvDelimiterFor(lang));
    downloadFile(`orienta-group-${toIsoDay()}.csv`, csv, 'text/csv;charset=utf-8');
  }

  const sortHeader = (which: 'name' | 'done') => {
    const active = which === 'name' ? sort === 'name' : sort === 'done-desc' || sort === 'done-asc';
    return active ? (which === 'name' ? 'ascending' : sort === 'done-asc' ? 'ascending' : 'descending') : undefined;
  };

  return (
    <div class="group-page" data-ready={snapshot && loaded ? 'true' : undefined}>
      <StorageNotice problem={snapshot?.problem} strings={strings} />
      <section aria-labelledby="group-add">
        <h2 id="group-add">{strings['group.addHeading']}</h2>
        <p>{strings['group.addIntro']}</p>
        <Scanner id="group-scanner" strings={strings} onCode={onCode} onFile={(file) => void onFile(file)} multiple />
        {pending.length > 0 && (
          <div class="preview card" role="region" aria-labelledby="group-preview">
            <h3 id="group-preview">{strings['group.previewTitle']}</h3>
            <ul>
              {pending.map((p) => (
                <li key={p.entry.key} data-pending={p.entry.key}>
                  <strong><bdi>{label(p.entry)}</bdi></strong>: {format(strings['group.lessonsDone'], { done: Object.values(p.entry.lessons).filter((l) => l.completed).length })} ·{' '}
                  {strings[p.outcome === 'added' ? 'group.previewNew' : p.outcome === 'updated' ? 'group.previewUpdate' : p.outcome === 'full' ? 'group.previewFull' : 'group.previewSame']}
                  {p.unknown > 0 && <> · {format(strings['group.unknownLessons'], { count: p.unknown })}</>}
                </li>
              ))}
            </ul>
            <p class="actions">
              <button type="button" class="btn" onClick={addPending}>{strings['group.add']}</button>{' '}
              <button type="button" class="btn btn-secondary" onClick={() => { setPending([]); setMessage({ text: strings['group.cancelled'], kind: 'ok' }); }}>{strings['group.cancel']}</button>
            </p>
          </div>
        )}
        <p role="status" data-message="ok">{message?.kind === 'ok' ? message.text : ''}</p>
        <p role="alert" class={message?.kind === 'error' ? 'fb fb-bad' : undefined} data-message="error">{message?.kind === 'error' ? message.text : ''}</p>
      </section>

      <section aria-labelledby="group-grid-heading">
        <h2 id="group-grid-heading">{strings['group.gridHeading']}</h2>
        <p class="hint">{strings['group.localOnly']}</p>
        {!grid || grid.rows.length === 0 ? (
          <p>{strings['group.empty']}</p>
        ) : (
          <>
            <div class="grid-controls">
              <label>
                {strings['group.show']}{' '}
                <select value={moduleFilter} onChange={(e) => setModuleFilter((e.currentTarget as HTMLSelectElement).value)}>
                  <option value="">{strings['group.allModules']}</option>
                  {outline.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
                </select>
              </label>{' '}
              <label>
                {strings['group.sort']}{' '}
                <select value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as GridSort)}>
                  {(['added', 'name', 'done-desc', 'done-asc'] as const).map((s) => <option key={s} value={s}>{strings[`group.sort.${s}`]}</option>)}
                </select>
              </label>{' '}
              <button type="button" class="btn btn-secondary" onClick={downloadCsv}>{strings['group.csv']}</button>
            </div>
            <div class="table-scroll class-grid-wrap" tabIndex={0} role="region" aria-labelledby="group-grid-heading">
              <table class="class-grid" data-class-grid>
                <thead>
                  <tr>
                    <th scope="col" rowSpan={2} aria-sort={sortHeader('name')} class="participant-head">
                      <button type="button" class="link-button" onClick={() => setSort('name')}>{strings['group.participant']}</button>
                    </th>
                    {grid.modules.map((m) => <th key={m.id} scope="colgroup" colSpan={m.lessons.length} class="module-head">{m.title}</th>)}
                    <th scope="col" rowSpan={2} aria-sort={sortHeader('done')}>
                      <button type="button" class="link-button" onClick={() => setSort(sort === 'done-desc' ? 'done-asc' : 'done-desc')}>{strings['group.total']}</button>
                    </th>
                  </tr>
                  <tr>
                    {grid.modules.flatMap((m) => m.lessons.map((l, i) => (
                      <th key={l.id} scope="col" class="lesson-head" title={l.title} data-lesson={l.id}>
                        <span aria-hidden="true">{i + 1}</span>
                        <span class="visually-hidden">{format(strings['group.lessonNumber'], { number: i + 1, title: l.title })}</span>
                      </th>
                    )))}
                  </tr>
                </thead>
                <tbody>
                  {grid.rows.map((row) => {
                    const name = label(row, row.number);
                    return (
                      <tr key={row.key} data-participant={row.key}>
                        <th scope="row">
                          <bdi>{name}</bdi>
                          <small class="row-meta">{format(strings['group.asOf'], { date: formatLongDate(row.asOf, lang) })} · {strings[row.via === 'passport' ? 'group.viaPassport' : 'group.viaFile']}</small>
                          <button type="button" class="link-button small" onClick={() => remove(row.key, name)}>{format(strings['group.remove'], { name })}</button>
                        </th>
                        {row.cells.map((cell, i) => (
                          <td key={i} class={`cell cell-${cell.state}`} data-state={cell.state}>
                            <span aria-hidden="true">{cell.state === 'done' ? '✓' : cell.state === 'started' ? '◐' : '·'}</span>
                            <span class="visually-hidden">{strings[cell.state === 'done' ? 'group.done' : cell.state === 'started' ? 'group.started' : 'group.notStarted']}</span>
                            {cell.best && <small class="score">{cell.best.score}/{cell.best.total}</small>}
                          </td>
                        ))}
                        <td class="row-total" data-total>{row.done}/{row.total}</td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{strings['group.total']}</th>
                    {grid.modules.flatMap((m) => m.lessons.map((l) => <td key={l.id} class="col-total">{l.done}</td>))}
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        )}
        <p role="status">
          {removed && (
            <>
              {format(strings['group.removed'], { name: removed.label })}{' '}
              <button type="button" class="btn btn-small btn-secondary" onClick={() => { store?.update((g) => restoreParticipant(g, removed.participant, removed.index)); setRemoved(null); }}>{strings['group.undo']}</button>
            </>
          )}
        </p>
        {group && group.participants.length > 0 && (
          <p>
            {confirmClear ? (
              <span role="alertdialog" aria-label={strings['group.clearConfirm']}>
                {strings['group.clearConfirm']}{' '}
                <button type="button" class="btn" onClick={() => { store?.update((g) => ({ ...g, participants: [] })); setConfirmClear(false); setMessage({ text: strings['group.cleared'], kind: 'ok' }); }}>{strings['group.clearYes']}</button>{' '}
                <button type="button" class="btn btn-secondary" onClick={() => setConfirmClear(false)}>{strings['group.cancel']}</button>
              </span>
            ) : (
              <button type="button" class="btn btn-secondary" onClick={() => setConfirmClear(true)}>{strings['group.clear']}</button>
            )}
          </p>
        )}
      </section>
    </div>
  );
}
