/**
 * Signing a certificate with the municipality's private key (ES256, through jose and the
 * browser's WebCrypto). Runs on the teacher's device; the key is used and forgotten.
 */
import { importJWK, SignJWT } from 'jose';
import type { CertificateCredential } from './credential.ts';
import type { LoadedKey } from './keys.ts';

/** The signed certificate: a compact JWS (`header.payload.signature`). */
export async function signCertificate(credential: CertificateCredential, key: LoadedKey): Promise<string> {
  const privateKey = await importJWK({ ...key.jwk, alg: 'ES256' }, 'ES256');
  return new SignJWT(credential as unknown as Record<string, unknown>).setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' }).sign(privateKey);
}
