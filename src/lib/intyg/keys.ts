/**
 * The municipality's signing keys. The public halves are in the site config (`intyg.keys`); a
 * private key is a JWK file the municipality keeps (docs/intyg.md), loaded by a teacher into the
 * issuing page for the moment of signing and never stored by the site.
 */
import type { IntygKey } from '../../schemas/site.ts';

/** The public key data the browser needs (the site config's `intyg.keys`, as plain data). */
export type PublicKeyEntry = Pick<IntygKey, 'kid' | 'publicKey' | 'compromisedFrom'> & { validFrom: string; validUntil?: string | undefined };

/** Why a key file was refused before anything was signed. */
export type KeyFileError = 'not-json' | 'not-a-key' | 'public-only' | 'unknown-key' | 'key-mismatch' | 'key-not-valid-now';

/** A private key the site accepts: its JWK and the public entry it belongs to. */
export interface LoadedKey {
  kid: string;
  jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string };
}

const B64 = /^[A-Za-z0-9_-]{43}$/;

/**
 * Checks a key file against the site's public keys, on `day` (YYYY-MM-DD): it must be JSON, an
 * EC P-256 private JWK with a `kid` the site lists, whose public half is the listed one, and that
 * key must be allowed to sign on that day.
 */
export function readKeyFile(text: string, keys: readonly PublicKeyEntry[], day: string): { ok: true; key: LoadedKey } | { ok: false; error: KeyFileError } {
  let jwk: Record<string, unknown>;
  try {
    jwk = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string' || !B64.test(jwk.x) || !B64.test(jwk.y)) {
    return { ok: false, error: 'not-a-key' };
  }
  if (typeof jwk.d !== 'string' || !B64.test(jwk.d)) return { ok: false, error: 'public-only' };
  const entry = keys.find((k) => k.kid === jwk.kid);
  if (!entry) return { ok: false, error: 'unknown-key' };
  if (entry.publicKey.x !== jwk.x || entry.publicKey.y !== jwk.y) return { ok: false, error: 'key-mismatch' };
  if (!mayKeySign(entry, day)) return { ok: false, error: 'key-not-valid-now' };
  return { ok: true, key: { kid: entry.kid, jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d } } };
}

/** Whether a key may sign (or have signed) on `day`: inside its period and before any compromise. */
export function mayKeySign(entry: PublicKeyEntry, day: string): boolean {
  if (day < entry.validFrom) return false;
  if (entry.validUntil && day > entry.validUntil) return false;
  if (entry.compromisedFrom && day >= entry.compromisedFrom) return false;
  return true;
}
