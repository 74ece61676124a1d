/**
 * "My progress passport" on the progress page: show progress as a QR code (only when asked, saying
 * what it holds), move progress here from another phone by scanning its passport (or opening its
 * link), and export progress as xAPI statements for a school's learning record store.
 *
 * Lifecycle: on mount, a passport link in the page's fragment (`#p=…`, from a phone's camera app)
 * is read as if scanned. A received passport is previewed with the file import's preview and
 * merged only on confirmation; the new phone takes over the old phone's passport id when it had
 * no progress of its own, so the teacher still sees one participant. The fragment is removed
 * once read, so reloading does not offer it again.
 */
import { useEffect, useState } from 'preact/hooks';
import { encodePassport, passportLinks, takeScannedCode, PASSPORT_PARAM, type PartCollection } from '../lib/passport/codec.ts';
import { passportAsProgressFile } from '../lib/passport/receive.ts';
import { adoptPassport, keepPassport, passportStore } from '../lib/passport/store.ts';
import { mergeProgress, previewImport, type ImportPreview } from '../lib/progress/transfer.ts';
import { xapiStatements, type XapiLesson } from '../lib/xapi/statements.ts';
import { downloadFile } from '../lib/browser/download.ts';
import { toIsoDay } from '../lib/device-data/ids.ts';
import { format } from './format.ts';
import { basePath, homePath } from '../lib/routing/paths.ts';
import type { ProgressExport } from '../schemas/progress.ts';
import { useOutline, useProgress, useStore } from './hooks.ts';
import { dataErrorText, type FileErrorStrings, type StorageNoticeStrings } from './DataNotice.tsx';
import Scanner, { SCANNER_KEYS, type CodeOutcome } from './scan/Scanner.tsx';
import ImportPreviewCard, { IMPORT_PREVIEW_KEYS } from './ImportPreviewCard.tsx';

export const PASSPORT_KEYS = [
  ...SCANNER_KEYS,
  'passport.heading', 'passport.intro', 'passport.show', 'passport.hide', 'passport.contains', 'passport.containsName', 'passport.containsNoName',
  'passport.code', 'passport.moveHeading', 'passport.moveIntro', 'passport.partRead', 'passport.previewTitle', 'passport.unknownLessons',
  'passport.confirm', 'passport.cancel', 'passport.moved', 'passport.cancelled', 'passport.xapiHeading', 'passport.xapiIntro',
  'passport.xapiExport', 'passport.xapiEmpty', ...IMPORT_PREVIEW_KEYS,
] as const;
type Strings = Record<(typeof PASSPORT_KEYS)[number], string> & StorageNoticeStrings & FileErrorStrings;

interface Props {
  siteId: string;
  locale: string;
  /** The site's canonical address with its base: the home page of the xAPI actor's account. */
  siteUrl: string;
  strings: Strings;
}

type Pending = { file: ProgressExport; preview: ImportPreview; unknown: number; passportId: string };

export default function ProgressPassport({ siteId, locale, siteUrl, strings }: Props) {
  const [progress, progressStoreHandle] = useProgress(siteId);
  const [passport, passportHandle] = useStore(passportStore, siteId);
  const loaded = useOutline(locale);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [parts, setParts] = useState<PartCollection>({});
  const [partNote, setPartNote] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const lessons = progress?.value.lessons ?? {};
  const completed = Object.values(lessons).filter((l) => l.completedAt).length;
  const scores = Object.values(lessons).filter((l) => l.selfCheck).length;
  const known = loaded && loaded !== 'failed' ? loaded.modules.flatMap((m) => m.lessons.map((l) => l.id)) : null;

  async function show() {
    if (!progress || !passport || !passportHandle) return;
    passportHandle.update((value) => keepPassport(value));
    const payload = encodePassport({ id: passport.value.id, siteId, issuedOn: toIsoDay(), name: progress.value.participantName, lessons });
    // The link opens the site the code was shown on (as assignment links do), so a staging or
    // intranet copy hands over to itself.
    const links = passportLinks(new URL(basePath(), location.href).href, locale, payload);
    const QRCode = (await import('qrcode')).default;
    setCodes(await Promise.all(links.map((link) => QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))));
  }

  /** Takes one scanned code or link; says whether the passport is now complete. */
  function receive(text: string, lessonIds: string[] | null = known): CodeOutcome {
    const step = takeScannedCode(parts, text, { now: new Date() });
    if (step.kind === 'ignored') return 'ignored';
    setParts(step.parts);
    if (step.kind === 'refused') {
      setPartNote('');
      setMessage({ text: dataErrorText(step.error, strings), kind: 'error' });
      return step.final ? 'done' : 'ignored';
    }
    if (step.kind === 'waiting') {
      setPartNote(format(strings['passport.partRead'], { held: step.held, count: step.count }));
      return 'more';
    }
    setPartNote('');
    if (!progress || !lessonIds) return 'done';
    const { file, unknown } = passportAsProgressFile(step.passport, lessonIds);
    setMessage(null);
    setPending({ file, unknown, passportId: step.passport.id, preview: previewImport(progress.value, file, new Set(lessonIds)) });
    return 'done';
  }

  // A passport link opened from a phone's camera app lands here with the passport in the fragment.
  useEffect(() => {
    if (!progress || !known || typeof location === 'undefined') return;
    if (!location.hash.includes(`${PASSPORT_PARAM}=`)) return;
    const link = location.href;
    history.replaceState(null, '', location.pathname + location.search);
    receive(link, known);
  }, [Boolean(progress), Boolean(known)]);

  function confirm() {
    if (!pending || !progressStoreHandle) return;
    const hadProgress = Object.keys(progress?.value.lessons ?? {}).length > 0;
    const result = progressStoreHandle.update((current, now) => mergeProgress(current, pending.file, now));
    if (result.saved && !hadProgress) passportHandle?.update((value, now) => adoptPassport(value, pending.passportId, now));
    setPending(null);
    setMessage(result.saved ? { text: strings['passport.moved'], kind: 'ok' } : { text: dataErrorText(result.problem, strings), kind: 'error' });
  }

  function exportXapi() {
    if (!progress || !passport || !loaded || loaded === 'failed') return;
    const titles = new Map(loaded.modules.flatMap((m) => m.lessons.map((l) => [l.id, l.title] as const)));
    const entries: XapiLesson[] = Object.entries(lessons).map(([id, l]) => ({ id, title: titles.get(id) ?? id, ...(l.completedAt ? { completedAt: l.completedAt } : {}), ...(l.selfCheck ? { selfCheck: l.selfCheck.best } : {}) }));
    if (!entries.length) return setMessage({ text: strings['passport.xapiEmpty'], kind: 'error' });
    passportHandle?.update((value) => keepPassport(value));
    const statements = xapiStatements({ passportId: passport.value.id, siteUrl, locale, lessonUrl: (id) => new URL(`${homePath(locale)}${id}/`, siteUrl).href, lessons: entries });
    downloadFile(`orienta-xapi-${toIsoDay()}.json`, `${JSON.stringify(statements, null, 2)}\n`);
  }

  return (
    <section class="passport card" aria-labelledby="passport-heading" data-ready={progress && passport && known ? 'true' : undefined}>
      <h2 id="passport-heading">{strings['passport.heading']}</h2>
      <p>{strings['passport.intro']}</p>
      {codes ? (
        <div class="passport-codes" data-passport-codes>
          <p>
            {format(strings['passport.contains'], { lessons: completed, scores })}{' '}
            {progress?.value.participantName ? format(strings['passport.containsName'], { name: progress.value.participantName }) : strings['passport.containsNoName']}
          </p>
          {codes.map((svg, i) => (
            <figure key={i} class="qr" data-passport-code={i + 1}>
              {/* The SVG is made by the qrcode library from our own link: no user markup reaches it. */}
              <div role="img" aria-label={format(strings['passport.code'], { number: i + 1, count: codes.length })} dangerouslySetInnerHTML={{ __html: svg }} />
              {codes.length > 1 && <figcaption>{format(strings['passport.code'], { number: i + 1, count: codes.length })}</figcaption>}
            </figure>
          ))}
          <p><button type="button" class="btn btn-secondary" onClick={() => setCodes(null)}>{strings['passport.hide']}</button></p>
        </div>
      ) : (
        <p><button type="button" class="btn" onClick={() => void show()} disabled={!progress || !passport}>{strings['passport.show']}</button></p>
      )}

      <h3>{strings['passport.moveHeading']}</h3>
      <p>{strings['passport.moveIntro']}</p>
      <Scanner id="passport-scanner" strings={strings} onCode={(text) => receive(text)} />
      {partNote && <p role="status">{partNote}</p>}
      {pending && (
        <ImportPreviewCard
          id="passport-preview-title"
          title={strings['passport.previewTitle']}
          preview={pending.preview}
          unknownNote={pending.unknown > 0 ? format(strings['passport.unknownLessons'], { count: pending.unknown }) : undefined}
          confirmLabel={strings['passport.confirm']}
          cancelLabel={strings['passport.cancel']}
          onConfirm={confirm}
          onCancel={() => { setPending(null); setMessage({ text: strings['passport.cancelled'], kind: 'ok' }); }}
          strings={strings}
        />
      )}
      <p role="status" data-message="ok">{message?.kind === 'ok' ? message.text : ''}</p>
      <p role="alert" class={message?.kind === 'error' ? 'fb fb-bad' : undefined} data-message="error">{message?.kind === 'error' ? message.text : ''}</p>

      <h3>{strings['passport.xapiHeading']}</h3>
      <p>{strings['passport.xapiIntro']}</p>
      <p><button type="button" class="btn btn-secondary" onClick={exportXapi} disabled={!progress || !passport}>{strings['passport.xapiExport']}</button></p>
    </section>
  );
}
