#!/usr/bin/env node
/**
 * `npm run intyg:keys -- --kid <municipality>-<year> --out <file outside the project>`
 *
 * Makes a new ES256 (ECDSA P-256) signing key for the municipality's intyg. Writes the private
 * key (a JWK with `kid`) to `--out`, readable by its owner only, and prints the public half as the
 * lines to add under `intyg.keys` in the site's `site.yaml`. Refuses to write the private key
 * anywhere inside the project folder: it must never reach the repository or the built site.
 * See docs/intyg.md for keeping, rotating and replacing keys.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exportJWK, generateKeyPair } from 'jose';

const { values } = parseArgs({ options: { kid: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' } } });
if (!values.kid || !/^[A-Za-z0-9._-]{3,64}$/.test(values.kid) || !values.out) {
  console.error('usage: npm run intyg:keys -- --kid exempelby-2026 --out /safe/place/exempelby-2026.private.jwk [--from YYYY-MM-DD]');
  process.exit(2);
}
const out = resolve(values.out);
const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const inside = relative(project, out);
if (!inside.startsWith('..') && !isAbsolute(inside)) {
  console.error(`Refusing to write a private key inside the project (${inside}). Keep it outside, e.g. on an encrypted USB stick or in the municipality's key store.`);
  process.exit(1);
}
if (existsSync(out)) {
  console.error(`${out} exists: refusing to overwrite a key.`);
  process.exit(1);
}
const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
const privateJwk = { ...(await exportJWK(privateKey)), kid: values.kid, alg: 'ES256' };
const publicJwk = await exportJWK(publicKey);
writeFileSync(out, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
const from = values.from ?? new Date().toISOString().slice(0, 10);
console.log(`Private key written to ${out} (only you can read it). Keep it safe and never commit it.\n`);
console.log('Add to content/sites/<site>/site.yaml:\n');
console.log(`intyg:\n  keys:\n    - kid: ${values.kid}\n      publicKey: { kty: EC, crv: P-256, x: "${publicJwk.x}", y: "${publicJwk.y}" }\n      validFrom: "${from}"`);
