import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { buildCredential } from '../../../src/lib/intyg/credential.ts';
import { readKeyFile, type PublicKeyEntry } from '../../../src/lib/intyg/keys.ts';
import { signCertificate } from '../../../src/lib/intyg/sign.ts';
import { certificateFrom, verifyCertificate } from '../../../src/lib/intyg/verify.ts';
import { intygConfigSchema } from '../../../src/schemas/site.ts';

const ISSUER = { id: 'https://exempelby.se/so/', name: 'Exempelby kommun' };
const NOW = new Date('2026-12-07T12:00:00Z');

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const priv = await exportJWK(privateKey);
  const pub = await exportJWK(publicKey);
  return { file: JSON.stringify({ ...priv, kid }), publicKey: { kty: 'EC' as const, crv: 'P-256' as const, x: pub.x!, y: pub.y! } };
}

const credential = (issuedOn = '2026-12-07') =>
  buildCredential({ id: 'urn:uuid:1b4e28ba-2fa1-4d3b-8b8c-2e0c1a6d7f00', issuer: ISSUER, name: 'Amina Hassan', modules: [{ title: 'Att komma till Sverige', hours: 10 }, { title: 'Att försörja sig', hours: 15 }], issuedOn });

describe('signed certificates', async () => {
  const current = await keyPair('exempelby-2026');
  const keys: PublicKeyEntry[] = [{ kid: 'exempelby-2026', publicKey: current.publicKey, validFrom: '2026-01-01' }];

  it('are signed with a key the site lists and verify offline', async () => {
    const loaded = readKeyFile(current.file, keys, '2026-12-07');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const jws = await signCertificate(credential(), loaded.key);
    const verified = await verifyCertificate(jws, keys, ISSUER.id, NOW);
    expect(verified).toEqual({ ok: true, kid: 'exempelby-2026', summary: { issuerName: 'Exempelby kommun', issuerId: ISSUER.id, name: 'Amina Hassan', issuedOn: '2026-12-07', narrative: expect.stringContaining('Totalt 25 timmar') } });
    expect(certificateFrom(`https://exempelby.se/so/sv/verify/#c=${jws}`)).toBe(jws);
  });

  it('fail when one character is changed, or the issuer is not this site', async () => {
    const loaded = readKeyFile(current.file, keys, '2026-12-07');
    if (!loaded.ok) throw new Error('key');
    const jws = await signCertificate(credential(), loaded.key);
    const [h, p, s] = jws.split('.');
    const i = 40;
    const changedPayload = `${h}.${p!.slice(0, i)}${p![i] === 'A' ? 'B' : 'A'}${p!.slice(i + 1)}.${s}`;
    expect(await verifyCertificate(changedPayload, keys, ISSUER.id, NOW)).toMatchObject({ ok: false });
    expect((await verifyCertificate(changedPayload, keys, ISSUER.id, NOW) as { error: string }).error).toMatch(/altered|malformed/);
    const changedSignature = `${h}.${p}.${s!.slice(0, 10)}${s![10] === 'A' ? 'B' : 'A'}${s!.slice(11)}`;
    expect(await verifyCertificate(changedSignature, keys, ISSUER.id, NOW)).toEqual({ ok: false, error: 'altered' });
    expect(await verifyCertificate(jws, keys, 'https://annan.se/', NOW)).toEqual({ ok: false, error: 'unknown-issuer' });
    expect(await verifyCertificate('not.a.jws!', keys, ISSUER.id, NOW)).toEqual({ ok: false, error: 'malformed' });
  });

  it('survive a key rotation: the old key verifies what it signed in its time, and nothing after', async () => {
    const next = await keyPair('exempelby-2027');
    const rotated: PublicKeyEntry[] = [
      { kid: 'exempelby-2026', publicKey: current.publicKey, validFrom: '2026-01-01', validUntil: '2026-12-31' },
      { kid: 'exempelby-2027', publicKey: next.publicKey, validFrom: '2027-01-01' },
    ];
    const old = readKeyFile(current.file, rotated, '2026-12-07');
    if (!old.ok) throw new Error('key');
    const before = await signCertificate(credential('2026-12-07'), old.key);
    expect((await verifyCertificate(before, rotated, ISSUER.id, new Date('2027-06-01T00:00:00Z'))).ok).toBe(true);
    // The retired key is refused for signing after its last day…
    expect(readKeyFile(current.file, rotated, '2027-01-02')).toEqual({ ok: false, error: 'key-not-valid-now' });
    // …and a certificate it claims to have signed later is not valid.
    const late = await signCertificate(credential('2027-02-01'), old.key);
    expect(await verifyCertificate(late, rotated, ISSUER.id, new Date('2027-06-01T00:00:00Z'))).toEqual({ ok: false, error: 'key-not-valid' });
    const fresh = readKeyFile(next.file, rotated, '2027-01-02');
    expect(fresh.ok).toBe(true);
  });

  it('stop trusting a lost key from the day it was reported', async () => {
    const loaded = readKeyFile(current.file, keys, '2026-12-07');
    if (!loaded.ok) throw new Error('key');
    const jws = await signCertificate(credential('2026-12-07'), loaded.key);
    const lost: PublicKeyEntry[] = [{ ...keys[0]!, compromisedFrom: '2026-12-01' }];
    expect(await verifyCertificate(jws, lost, ISSUER.id, NOW)).toEqual({ ok: false, error: 'key-not-valid' });
    const earlier = await signCertificate(credential('2026-11-20'), loaded.key);
    expect((await verifyCertificate(earlier, lost, ISSUER.id, NOW)).ok).toBe(true);
  });

  it('refuse a wrong or malformed key file before anything is signed', async () => {
    const other = await keyPair('exempelby-2026');
    const publicOnly = JSON.stringify({ ...JSON.parse(current.file), d: undefined });
    expect(readKeyFile('not json', keys, '2026-12-07')).toEqual({ ok: false, error: 'not-json' });
    expect(readKeyFile('{"kty":"RSA"}', keys, '2026-12-07')).toEqual({ ok: false, error: 'not-a-key' });
    expect(readKeyFile(publicOnly, keys, '2026-12-07')).toEqual({ ok: false, error: 'public-only' });
    expect(readKeyFile(JSON.stringify({ ...JSON.parse(current.file), kid: 'someone-else' }), keys, '2026-12-07')).toEqual({ ok: false, error: 'unknown-key' });
    expect(readKeyFile(other.file, keys, '2026-12-07')).toEqual({ ok: false, error: 'key-mismatch' });
  });

  it('keys in the site config are validated', () => {
    expect(intygConfigSchema.safeParse({ keys: [{ kid: 'key-1', publicKey: current.publicKey, validFrom: '2026-01-01' }] }).success).toBe(true);
    expect(intygConfigSchema.safeParse({ keys: [{ kid: 'key-1', publicKey: { ...current.publicKey, d: 'secret' }, validFrom: '2026-01-01' }] }).success).toBe(false);
    expect(intygConfigSchema.safeParse({ keys: [{ kid: 'key-1', publicKey: current.publicKey, validFrom: '2026-01-01' }, { kid: 'key-1', publicKey: current.publicKey, validFrom: '2027-01-01' }] }).success).toBe(false);
  });
});
