/**
 * Issuing a signed intyg (teacher side). The teacher opens the municipality's private key file,
 * reads the participant's progress from their passport or progress file, ticks the completed
 * modules, writes the name as on the participant's ID, and signs. The result is a QR code (a link
 * to the verify page carrying the certificate), a file and an A4 printout with the logo.
 *
 * Lifecycle: the key is checked against the site's public keys before anything can be signed
 * (`readKeyFile`), held in memory only, and dropped when the page closes. Only modules whose every
 * lesson the progress shows completed can be ticked. Signing needs a key, a module and a name;
 * each missing piece is said. Nothing is stored and nothing is sent.
 */
import { useState } from 'preact/hooks';
import QRCode from 'qrcode';
import { buildCredential } from '../lib/intyg/credential.ts';
import { readKeyFile, type LoadedKey, type PublicKeyEntry } from '../lib/intyg/keys.ts';
import { signCertificate } from '../lib/intyg/sign.ts';
import { CERTIFICATE_PARAM } from '../lib/intyg/verify.ts';
import { resolvePassport, takeScannedCode, type PartCollection } from '../lib/passport/codec.ts';
import { readProgressFile } from '../lib/progress/transfer.ts';
import { progressFile } from '../lib/progress/file.ts';
import { downloadFile, readFileText } from '../lib/browser/download.ts';
import { randomUuid, toIsoDay } from '../lib/device-data/ids.ts';
import { formatLongDate } from '../lib/i18n/dates.ts';
import { format } from './format.ts';
import { cleanName } from '../lib/text/bidi.ts';
import { SWEDISH } from '../lib/i18n/locales.ts';
import { dataErrorText, type FileErrorStrings } from './DataNotice.tsx';
import Scanner, { SCANNER_KEYS, type CodeOutcome } from './scan/Scanner.tsx';

export const INTYG_KEYS = [
  ...SCANNER_KEYS,
  'intyg.keyHeading', 'intyg.keyLoad', 'intyg.keyLoaded', 'intyg.keyError.not-json', 'intyg.keyError.not-a-key', 'intyg.keyError.public-only',
  'intyg.keyError.unknown-key', 'intyg.keyError.key-mismatch', 'intyg.keyError.key-not-valid-now', 'intyg.participantHeading', 'intyg.participantIntro',
  'intyg.moduleDone', 'intyg.moduleNotDone', 'intyg.totalHours', 'intyg.nameHeading', 'intyg.name', 'intyg.nameHint', 'intyg.issue', 'intyg.needKey',
  'intyg.needModules', 'intyg.needName', 'intyg.issued', 'intyg.issuedHint', 'intyg.print', 'intyg.download', 'group.refused',
] as const;
/** Texts of the printed intyg, always in Swedish. */
export const INTYG_PRINT_KEYS = ['intyg.docTitle', 'intyg.docStatement', 'intyg.docIssued', 'intyg.docVerify', 'certificate.module', 'certificate.hours', 'intyg.totalHours'] as const;
type Strings = Record<(typeof INTYG_KEYS)[number], string> & FileErrorStrings;

/** A module as the issuer needs it: titles in the page's language and in Swedish. */
export interface IntygModule {
  id: string;
  title: string;
  titleSv: string;
  hours: number;
  lessonIds: string[];
}

interface Props {
  siteId: string;
  swedishTag: string;
  keys: PublicKeyEntry[];
  issuer: { id: string; name: string };
  logoUrl: string;
  /** Absolute address of the verify page (in Swedish, as the printout). */
  verifyUrl: string;
  modules: IntygModule[];
  strings: Strings;
  printStrings: Record<(typeof INTYG_PRINT_KEYS)[number], string>;
}

type Issued = { jws: string; svg: string; name: string; modules: IntygModule[]; issuedOn: string };

export default function IntygIssuer({ siteId, swedishTag, keys, issuer, logoUrl, verifyUrl, modules, strings, printStrings }: Props) {
  const [key, setKey] = useState<LoadedKey | null>(null);
  const [keyMessage, setKeyMessage] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const [completed, setCompleted] = useState<Set<string> | null>(null);
  const [parts, setParts] = useState<PartCollection>({});
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [issued, setIssued] = useState<Issued | null>(null);
  const known = modules.flatMap((m) => m.lessonIds);
  const doneModules = (lessons: Set<string>) => new Set(modules.filter((m) => m.lessonIds.length && m.lessonIds.every((id) => lessons.has(id))).map((m) => m.id));

  async function onKeyFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = file.size > 20_000 ? '' : await file.text().catch(() => '');
    const read = readKeyFile(text, keys, toIsoDay());
    if (!read.ok) {
      setKey(null);
      setKeyMessage({ text: strings[`intyg.keyError.${read.error}`], kind: 'error' });
      return;
    }
    setKey(read.key);
    setKeyMessage({ text: format(strings['intyg.keyLoaded'], { kid: read.key.kid }), kind: 'ok' });
  }

  function useLessons(lessons: Set<string>) {
    setCompleted(lessons);
    setChosen(doneModules(lessons));
    setIssued(null);
    setError('');
  }

  function onCode(text: string): CodeOutcome {
    const step = takeScannedCode(parts, text, { now: new Date(), requireSite: siteId });
    if (step.kind === 'ignored') return 'ignored';
    setParts(step.parts);
    if (step.kind === 'refused') return setError(format(strings['group.refused'], { reason: dataErrorText(step.error, strings) })), step.final ? 'done' : 'ignored';
    if (step.kind === 'waiting') return 'more';
    const { lessons } = resolvePassport(step.passport, known);
    useLessons(new Set(Object.entries(lessons).filter(([, l]) => l.completed).map(([id]) => id)));
    if (step.passport.name && !name) setName(step.passport.name);
    return 'done';
  }

  async function onFile(file: File) {
    const read = await readFileText(file, progressFile.maxBytes);
    const parsed = read.ok ? readProgressFile(read.text, new Date(), siteId) : read;
    if (!parsed.ok) return setError(format(strings['group.refused'], { reason: dataErrorText(parsed.error, strings) }));
    useLessons(new Set(parsed.file.lessons.filter((l) => l.completed).map((l) => l.id)));
  }

  async function issue(event: Event) {
    event.preventDefault();
    const clean = cleanName(name, 80);
    const picked = modules.filter((m) => chosen.has(m.id));
    if (!key) return setError(strings['intyg.needKey']);
    if (!picked.length) return setError(strings['intyg.needModules']);
    if (!clean) return setError(strings['intyg.needName']);
    setError('');
    const issuedOn = toIsoDay();
    const credential = buildCredential({ id: `urn:uuid:${randomUuid()}`, issuer, name: clean, modules: picked.map((m) => ({ title: m.titleSv, hours: m.hours })), issuedOn });
    const jws = await signCertificate(credential, key);
    const link = `${verifyUrl}#${CERTIFICATE_PARAM}=${jws}`;
    const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'L', margin: 4 });
    setIssued({ jws, svg, name: clean, modules: picked, issuedOn });
  }

  const hours = modules.filter((m) => chosen.has(m.id)).reduce((sum, m) => sum + m.hours, 0);
  return (
    <div class="intyg-issuer">
      <div class="no-print">
        <section aria-labelledby="intyg-key">
          <h2 id="intyg-key">{strings['intyg.keyHeading']}</h2>
          <label class="btn btn-secondary file-button">
            {strings['intyg.keyLoad']}
            <input type="file" accept=".json,.jwk,application/json" class="visually-hidden" onChange={onKeyFile} data-key-file />
          </label>
          <p role={keyMessage?.kind === 'error' ? 'alert' : 'status'} class={keyMessage?.kind === 'error' ? 'fb fb-bad' : undefined} data-key-message>{keyMessage?.text ?? ''}</p>
        </section>

        <section aria-labelledby="intyg-participant">
          <h2 id="intyg-participant">{strings['intyg.participantHeading']}</h2>
          <p>{strings['intyg.participantIntro']}</p>
          <Scanner id="intyg-scanner" strings={strings} onCode={onCode} onFile={(file) => void onFile(file)} />
        </section>

        <form onSubmit={issue} noValidate>
          {completed && (
            <fieldset class="picker" data-intyg-modules>
              <legend>{format(strings['intyg.totalHours'], { hours })}</legend>
              {modules.map((m) => {
                const done = m.lessonIds.filter((id) => completed.has(id)).length;
                const whole = done === m.lessonIds.length && done > 0;
                return (
                  <label key={m.id} data-module={m.id}>
                    <input type="checkbox" disabled={!whole} checked={chosen.has(m.id)} onChange={(e) => setChosen((old) => { const next = new Set(old); if ((e.currentTarget as HTMLInputElement).checked) next.add(m.id); else next.delete(m.id); return next; })} />
                    <span>{m.title} – {whole ? format(strings['intyg.moduleDone'], { hours: m.hours }) : format(strings['intyg.moduleNotDone'], { done, total: m.lessonIds.length })}</span>
                  </label>
                );
              })}
            </fieldset>
          )}
          <h2>{strings['intyg.nameHeading']}</h2>
          <div class="field">
            <label for="intyg-name">{strings['intyg.name']}</label>
            <input id="intyg-name" type="text" dir="auto" autocomplete="off" maxLength={80} value={name} aria-describedby="intyg-name-hint" onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
            <p id="intyg-name-hint" class="hint">{strings['intyg.nameHint']}</p>
          </div>
          <p><button type="submit" class="btn">{strings['intyg.issue']}</button></p>
          <p role="alert" class={error ? 'fb fb-bad' : undefined} data-intyg-error>{error}</p>
        </form>
      </div>

      {issued && (
        <section aria-labelledby="intyg-issued" data-intyg-issued>
          <div class="no-print">
            <h2 id="intyg-issued">{strings['intyg.issued']}</h2>
            <p>{strings['intyg.issuedHint']}</p>
            <p class="actions">
              <button type="button" class="btn" onClick={() => window.print()}>{strings['intyg.print']}</button>{' '}
              <button type="button" class="btn btn-secondary" onClick={() => downloadFile(`intyg-${issued.issuedOn}.jwt`, `${issued.jws}\n`, 'text/plain')}>{strings['intyg.download']}</button>
            </p>
          </div>
          <article class="intyg-document" lang={SWEDISH} dir="ltr">
            <header>
              <img src={logoUrl} alt="" width="64" height="64" />
              <p class="issuer">{issuer.name}</p>
            </header>
            <h2>{printStrings['intyg.docTitle']}</h2>
            <p class="statement">{withName(printStrings['intyg.docStatement'], issued.name)}</p>
            <table>
              <thead><tr><th scope="col">{printStrings['certificate.module']}</th><th scope="col">{printStrings['certificate.hours']}</th></tr></thead>
              <tbody>{issued.modules.map((m) => <tr key={m.id}><td>{m.titleSv}</td><td>{m.hours}</td></tr>)}</tbody>
            </table>
            <p><strong>{format(printStrings['intyg.totalHours'], { hours: issued.modules.reduce((s, m) => s + m.hours, 0) })}</strong></p>
            <p>{format(printStrings['intyg.docIssued'], { issuer: issuer.name, date: formatLongDate(issued.issuedOn, swedishTag) })}</p>
            <figure class="qr intyg-qr">
              <div role="img" aria-label={printStrings['intyg.docVerify'].replace('{{url}}', verifyUrl)} dangerouslySetInnerHTML={{ __html: issued.svg }} />
              <figcaption>{format(printStrings['intyg.docVerify'], { url: verifyUrl })}</figcaption>
            </figure>
          </article>
        </section>
      )}
    </div>
  );
}

/** A sentence with `{{name}}`, the name isolated so its direction cannot turn the sentence around. */
function withName(template: string, name: string) {
  const [before, after = ''] = template.split('{{name}}');
  return (
    <>
      {before}
      <bdi>{name}</bdi>
      {after}
    </>
  );
}
