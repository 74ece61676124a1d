/**
 * The signed intyg (issue #17) on a real build whose site config holds a public key made for the
 * test (the private key never enters the content): a teacher opens the key file, reads the
 * participant's progress file, issues the intyg; its QR code opens the verify page, which says it
 * is valid; one changed character makes it fail; a wrong key file is refused before signing; the
 * printout is the intyg alone, on A4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import type { Page } from 'playwright-core';
import { isolatedBuilds } from '../support/isolated-build.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { decodeQrSvg } from '../support/qr.ts';
import { axeViolations } from '../support/axe.ts';
import sv from '../../src/i18n/ui/sv.json' with { type: 'json' };

const { contentWith, build, work } = isolatedBuilds('orienta-intyg-');
let browser: TestBrowser;
let server: StaticServer;
const KID = 'exempelby-test';

async function keyFile(kid: string, name: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const path = join(work, name);
  writeFileSync(path, JSON.stringify({ ...(await exportJWK(privateKey)), kid }));
  const pub = await exportJWK(publicKey);
  return { path, x: pub.x!, y: pub.y! };
}

let key: Awaited<ReturnType<typeof keyFile>>;
let stranger: Awaited<ReturnType<typeof keyFile>>;

beforeAll(async () => {
  key = await keyFile(KID, 'municipality.private.jwk');
  stranger = await keyFile(KID, 'stranger.private.jwk');
  const content = contentWith('intyg', (dir) => {
    const siteYaml = join(dir, 'sites/demo/site.yaml');
    writeFileSync(siteYaml, `${readFileSync(siteYaml, 'utf8')}intyg:\n  keys:\n    - kid: ${KID}\n      publicKey: { kty: EC, crv: P-256, x: "${key.x}", y: "${key.y}" }\n      validFrom: "2026-01-01"\n`);
  });
  const built = build(content);
  expect(built.status, built.output.slice(-2000)).toBe(0);
  server = await serveStatic(built.dist);
  browser = await launchBrowser({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const progressFile = () => {
  const path = join(work, 'progress.json');
  writeFileSync(path, JSON.stringify({
    $schema: 'https://exempelby.example/schemas/progress.v2.json', schemaVersion: 2, kind: 'orienta.progress', siteId: 'demo', exportedAt: '2026-12-01T10:00:00.000Z',
    passportId: '0123456789abcdef', participantName: 'Amina',
    lessons: [{ id: 'forsorja-sig/a-kassa', completed: true, completedAt: '2026-11-30T10:00:00.000Z' }],
  }));
  return path;
};

async function openIssuer(page: Page) {
  await page.goto(`${server.url}sv/teacher/intyg/`);
  await page.locator('.intyg-issuer').waitFor();
}

describe('the signed intyg', () => {
  it('refuses a key file that is not the municipality key, before anything is signed', async () => {
    const page = await browser.newPage();
    await openIssuer(page);
    await page.locator('input[data-key-file]').setInputFiles(stranger.path);
    await expect.poll(() => page.locator('[data-key-message]').textContent()).toBe(sv['intyg.keyError.key-mismatch']);
    await page.locator('input[data-scan-file]').setInputFiles(progressFile());
    await page.locator('#intyg-name').fill('Amina Hassan');
    await page.getByRole('button', { name: sv['intyg.issue'] }).click();
    expect(await page.locator('[data-intyg-error]').textContent()).toBe(sv['intyg.needKey']);
    expect(await page.locator('[data-intyg-issued]').count()).toBe(0);
    await page.close();
  });

  it('is issued from the participant progress, verifies from its QR code, and fails after one changed character', async () => {
    const page = await browser.newPage();
    await openIssuer(page);
    await page.locator('input[data-key-file]').setInputFiles(key.path);
    await expect.poll(() => page.locator('[data-key-message]').textContent()).toContain(KID);
    await page.locator('input[data-scan-file]').setInputFiles(progressFile());
    const module = page.locator('[data-intyg-modules] [data-module="forsorja-sig"] input');
    await module.waitFor();
    expect(await module.isChecked()).toBe(true);
    await page.locator('#intyg-name').fill('Amina Hassan');
    await page.getByRole('button', { name: sv['intyg.issue'] }).click();
    const issued = page.locator('[data-intyg-issued]');
    await issued.waitFor();
    expect(await issued.locator('.intyg-document').textContent()).toContain('Amina Hassan har genomfört samhällsorientering');
    expect(await axeViolations(page)).toEqual([]);

    // Printed: the intyg alone, with the logo and the code.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.intyg-document').isVisible()).toBe(true);
    expect(await page.locator('.intyg-document img').isVisible()).toBe(true);
    expect(await page.locator('#intyg-name').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: sv['intyg.download'] }).click();
    const filePath = join(work, 'intyg.jwt');
    await (await download).saveAs(filePath);
    const jws = readFileSync(filePath, 'utf8').trim();

    const link = decodeQrSvg(await issued.locator('.intyg-qr svg').evaluate((svg) => svg.outerHTML));
    // The code opens the verify page on the site's public address.
    expect(link).toBe(`https://exempelby.example/sv/verify/#c=${jws}`);
    const local = link.replace('https://exempelby.example/', server.url);

    const verify = await browser.newPage();
    await verify.goto(local);
    await expect.poll(() => verify.locator('[data-verify-result]').getAttribute('data-verify-result')).toBe('valid');
    expect(await verify.locator('.verify-valid').textContent()).toMatch(/^Utfärdat av Exempelby kommun den \d+ \w+ 2026: giltigt\./);
    expect(await verify.locator('.verify-valid bdi').textContent()).toBe('Amina Hassan');
    expect(verify.url()).not.toContain('#c=');
    expect(await axeViolations(verify)).toEqual([]);

    // One character changed in the signed part: refused, with the reason.
    const [h, p, s] = jws.split('.');
    const i = Math.floor(p!.length / 2);
    const altered = `${h}.${p!.slice(0, i)}${p![i] === 'A' ? 'B' : 'A'}${p!.slice(i + 1)}.${s}`;
    await verify.goto(`${server.url}sv/verify/#c=${altered}`);
    await expect.poll(() => verify.locator('[data-verify-result]').getAttribute('data-verify-result')).toMatch(/^(altered|malformed)$/);
    expect(await verify.locator('.verify-invalid').textContent()).toContain(sv['verify.invalid']);

    // The file opens the same way.
    await verify.goto(`${server.url}sv/verify/`);
    await verify.locator('input[data-certificate-file]').setInputFiles(filePath);
    await expect.poll(() => verify.locator('[data-verify-result]').getAttribute('data-verify-result')).toBe('valid');
    await verify.close();
    await page.close();
  });
});
