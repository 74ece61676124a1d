/**
 * The certificate a municipality issues (intyg om genomförd samhällsorientering), as a W3C
 * Verifiable Credential in the shape of an Open Badges 3.0 `OpenBadgeCredential`, secured as a JWT
 * (OB 3.0 §8.2: the credential is the JWT payload, with `iss`, `jti`, `nbf` and `sub` claims).
 *
 * It names the participant as on their ID (a plain `IdentityObject`, as OB 3.0 allows), the
 * completed modules with their hours, the total, the issuing municipality and the day. It carries
 * no personal identity number. Pure: signing and verifying are `sign.ts` and `verify.ts`.
 */

export const OB3_CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;

/** What the teacher confirms before issuing. */
export interface CertificateInput {
  /** A random id for the credential (`urn:uuid:…`). */
  id: string;
  /** The municipality: its site address (the issuer's id) and name. */
  issuer: { id: string; name: string };
  /** The participant's name as on their ID. */
  name: string;
  /** Completed modules, titles in Swedish, with planned hours. */
  modules: Array<{ title: string; hours: number }>;
  /** The day it is issued, YYYY-MM-DD. */
  issuedOn: string;
}

/** The credential as the JWT payload. */
export type CertificateCredential = ReturnType<typeof buildCredential>;

/** Builds the credential. */
export function buildCredential(input: CertificateInput) {
  const hours = input.modules.reduce((sum, m) => sum + m.hours, 0);
  const validFrom = `${input.issuedOn}T00:00:00Z`;
  const subjectId = `${input.id}#subject`;
  return {
    '@context': [...OB3_CONTEXTS],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
    validFrom,
    name: 'Intyg om samhällsorientering',
    credentialSubject: {
      id: subjectId,
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: input.name, identityType: 'name', hashed: false }],
      achievement: {
        id: `${input.issuer.id}#samhallsorientering`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'Samhällsorientering',
        description: 'Samhällsorientering för nyanlända enligt förordningen (2010:1138).',
        criteria: { narrative: `Genomförda moduler: ${input.modules.map((m) => `${m.title} (${m.hours} h)`).join('; ')}. Totalt ${hours} timmar.` },
      },
    },
    // Registered JWT claims (OB 3.0 §8.2.4.1).
    iss: input.issuer.id,
    jti: input.id,
    nbf: Math.floor(Date.parse(validFrom) / 1000),
    sub: subjectId,
  };
}

/** What a verified certificate says, for the verify page and the printout. */
export interface CertificateSummary {
  issuerName: string;
  issuerId: string;
  name: string;
  issuedOn: string;
  /** The criteria text: modules and hours. */
  narrative: string;
}

/** Reads the summary from a credential payload; null when it is not one of ours. */
export function summaryOf(payload: Record<string, unknown>): CertificateSummary | null {
  const issuer = payload.issuer as { id?: unknown; name?: unknown } | undefined;
  const subject = payload.credentialSubject as { identifier?: Array<{ identityHash?: unknown }>; achievement?: { criteria?: { narrative?: unknown } } } | undefined;
  const types = payload.type;
  if (!Array.isArray(types) || !types.includes('OpenBadgeCredential') || typeof issuer?.id !== 'string' || typeof issuer.name !== 'string') return null;
  const name = subject?.identifier?.[0]?.identityHash;
  const narrative = subject?.achievement?.criteria?.narrative;
  const validFrom = payload.validFrom;
  if (typeof name !== 'string' || typeof narrative !== 'string' || typeof validFrom !== 'string') return null;
  return { issuerName: issuer.name, issuerId: issuer.id, name, issuedOn: validFrom.slice(0, 10), narrative };
}
