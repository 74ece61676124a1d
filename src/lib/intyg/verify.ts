/**
 * Verifying a certificate against the municipality's public keys in the site config: offline, in
 * the browser or in Node. Says plainly why a certificate is not valid: not a certificate at all,
 * signed by a key this site does not know (another issuer), altered after signing, signed by a key
 * outside its period or after it was reported lost, or dated in the future.
 */
import { decodeProtectedHeader, errors, importJWK, jwtVerify } from 'jose';
import type { PublicKeyEntry } from './keys.ts';
import { mayKeySign } from './keys.ts';
import { summaryOf, type CertificateSummary } from './credential.ts';

export type VerifyError = 'malformed' | 'unknown-issuer' | 'altered' | 'key-not-valid' | 'not-a-certificate' | 'future';

/** The `c=` fragment parameter a certificate's link carries. */
export const CERTIFICATE_PARAM = 'c';

/** Finds a certificate in a scanned link, a `#fragment` or a pasted or loaded text. */
export function certificateFrom(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const fragment = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  const param = fragment.split('&').find((p) => p.startsWith(`${CERTIFICATE_PARAM}=`));
  return param ? param.slice(CERTIFICATE_PARAM.length + 1) : trimmed;
}

/**
 * Verifies a certificate (compact JWS).
 *
 * @param issuerId the site's own address: a certificate naming another issuer is refused
 */
export async function verifyCertificate(jws: string, keys: readonly PublicKeyEntry[], issuerId: string, now: Date): Promise<{ ok: true; summary: CertificateSummary; kid: string } | { ok: false; error: VerifyError }> {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jws) || jws.length > 8000) return { ok: false, error: 'malformed' };
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== 'ES256') return { ok: false, error: 'malformed' };
    kid = header.kid;
  } catch {
    return { ok: false, error: 'malformed' };
  }
  const entry = keys.find((k) => k.kid === kid);
  if (!entry) return { ok: false, error: 'unknown-issuer' };
  let payload: Record<string, unknown>;
  try {
    const key = await importJWK({ ...entry.publicKey, alg: 'ES256' }, 'ES256');
    // nbf is checked below against the key's period; jose would refuse a future nbf as a bare error.
    ({ payload } = await jwtVerify(jws, key, { algorithms: ['ES256'], clockTolerance: 36 * 3600, currentDate: now }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWSInvalid) return { ok: false, error: 'altered' };
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') return { ok: false, error: 'future' };
    return { ok: false, error: 'malformed' };
  }
  const summary = summaryOf(payload);
  if (!summary || payload.iss !== summary.issuerId) return { ok: false, error: 'not-a-certificate' };
  if (summary.issuerId !== issuerId) return { ok: false, error: 'unknown-issuer' };
  if (!mayKeySign(entry, summary.issuedOn)) return { ok: false, error: 'key-not-valid' };
  return { ok: true, summary, kid: entry.kid };
}
