/**
 * The municipality's signing keys from the site config, as plain data for the islands that sign
 * and verify certificates (public halves only; the private keys never reach the site).
 */
import { site } from './site.ts';
import type { PublicKeyEntry } from '../lib/intyg/keys.ts';
import type { IntygKey } from '../schemas/site.ts';

/** The site's public signing keys; empty when it issues no signed certificates. */
export function intygKeys(): PublicKeyEntry[] {
  return (site.intyg?.keys ?? []).map((key: IntygKey) => ({
    kid: key.kid,
    publicKey: key.publicKey,
    validFrom: key.validFrom,
    ...(key.validUntil ? { validUntil: key.validUntil } : {}),
    ...(key.compromisedFrom ? { compromisedFrom: key.compromisedFrom } : {}),
  }));
}

/** The issuer of the site's certificates: its public address and the municipality's name. */
export const intygIssuer = () => ({ id: site.url, name: site.name });
