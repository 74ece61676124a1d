/**
 * The verify page: checks a signed intyg against this municipality's public keys, offline. A
 * certificate arrives in the page's link (its QR code opens `verify/#c=…`), by scanning the code
 * on a printout, or from its file. The answer is plain: "issued by <municipality> on <date>:
 * valid", or why not.
 *
 * Lifecycle: on mount, and whenever the fragment changes, a certificate in the fragment is checked
 * and the fragment removed (it may be long, and the page can be reloaded or shared without it). Each new code or file replaces the
 * result. Nothing is stored.
 */
import { useEffect, useState } from 'preact/hooks';
import { certificateFrom, verifyCertificate, CERTIFICATE_PARAM, type VerifyError } from '../lib/intyg/verify.ts';
import type { CertificateSummary } from '../lib/intyg/credential.ts';
import type { PublicKeyEntry } from '../lib/intyg/keys.ts';
import { formatLongDate } from '../lib/i18n/dates.ts';
import { format } from './format.ts';
import { SWEDISH } from '../lib/i18n/locales.ts';
import Scanner, { SCANNER_KEYS, type CodeOutcome } from './scan/Scanner.tsx';

export const VERIFY_KEYS = [
  ...SCANNER_KEYS,
  'verify.open', 'verify.valid', 'verify.for', 'verify.invalid', 'verify.error.malformed', 'verify.error.unknown-issuer', 'verify.error.altered',
  'verify.error.key-not-valid', 'verify.error.not-a-certificate', 'verify.error.future',
] as const;
type Strings = Record<(typeof VERIFY_KEYS)[number], string>;

interface Props {
  keys: PublicKeyEntry[];
  issuerId: string;
  /** BCP-47 tag for the date. */
  lang: string;
  strings: Strings;
}

type Result = { ok: true; summary: CertificateSummary } | { ok: false; error: VerifyError } | null;

export default function CertificateVerifier({ keys, issuerId, lang, strings }: Props) {
  const [result, setResult] = useState<Result>(null);

  async function check(text: string) {
    const jws = certificateFrom(text);
    const verified = await verifyCertificate(jws, keys, issuerId, new Date());
    setResult(verified.ok ? { ok: true, summary: verified.summary } : verified);
  }

  useEffect(() => {
    const fromLink = () => {
      if (!location.hash.includes(`${CERTIFICATE_PARAM}=`)) return;
      const link = location.href;
      history.replaceState(null, '', location.pathname + location.search);
      void check(link);
    };
    fromLink();
    // Another certificate's link opened in the same tab changes only the fragment.
    addEventListener('hashchange', fromLink);
    return () => removeEventListener('hashchange', fromLink);
  }, []);

  const onCode = (text: string): CodeOutcome => {
    if (!text.includes(`${CERTIFICATE_PARAM}=`) && !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(text.trim())) return 'ignored';
    void check(text);
    return 'done';
  };

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await check(file.size > 20_000 ? '' : await file.text().catch(() => ''));
  }

  return (
    <div class="verifier" data-ready="true">
      <Scanner id="verify-scanner" strings={strings} onCode={onCode} />
      <label class="btn btn-secondary file-button">
        {strings['verify.open']}
        <input type="file" accept=".jwt,.txt,text/plain" class="visually-hidden" onChange={onFile} data-certificate-file />
      </label>
      <div aria-live="polite" data-verify-result={result ? (result.ok ? 'valid' : result.error) : undefined}>
        {result?.ok && (
          <div class="verify-valid card">
            <p><strong>{format(strings['verify.valid'], { issuer: result.summary.issuerName, date: formatLongDate(result.summary.issuedOn, lang) })}</strong></p>
            <p>{strings['verify.for'].split('{{name}}')[0]}<bdi>{result.summary.name}</bdi>{strings['verify.for'].split('{{name}}')[1]}</p>
            <p lang={SWEDISH}>{result.summary.narrative}</p>
          </div>
        )}
        {result && !result.ok && (
          <div class="verify-invalid fb fb-bad" role="alert">
            <p><strong>{strings['verify.invalid']}</strong></p>
            <p>{strings[`verify.error.${result.error}`]}</p>
          </div>
        )}
      </div>
    </div>
  );
}
