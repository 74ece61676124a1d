import { describe, expect, it } from 'vitest';
import { listFiles } from '../../../src/lib/site/files.ts';
import QRCode from 'qrcode';
import {
  assemble, collectPart, decodePassport, encodePassport, MAX_CHUNK, passportLinks, readPassportPart, resolvePassport, takeScannedCode, type PartCollection, type PassportInput,
} from '../../../src/lib/passport/codec.ts';
import { fromBase64url, toBase64url } from '../../../src/lib/text/bytes.ts';

const NOW = new Date('2026-12-07T12:00:00Z');
const BASE = 'https://exempelby.se/samhallsorientering/';
const ID = '0123456789abcdef';
const at = '2026-11-20T10:00:00.000Z';
/** Every lesson of the course as committed. */
const courseLessons: string[] = listFiles('content/lessons/sv').map((f) => f.replace(/\.mdx$/, ''));

function input(lessonIds: string[], extra: Partial<PassportInput> = {}): PassportInput {
  return {
    id: ID,
    siteId: 'exempelby',
    issuedOn: '2026-12-07',
    name: 'Amina H.',
    lessons: Object.fromEntries(lessonIds.map((id, i) => [id, { completedAt: at, selfCheck: { best: { score: i % 5, total: 4 + (i % 2) } } }])),
    ...extra,
  };
}
const decode = (payload: string, requireSite?: string) => decodePassport(payload, { now: NOW, ...(requireSite ? { requireSite } : {}) });

describe('the progress passport', () => {
  it('round-trips the progress, the name and the passport id', () => {
    const payload = encodePassport(input(courseLessons.slice(0, 3)));
    const read = decode(payload, 'exempelby');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.passport).toMatchObject({ id: ID, siteId: 'exempelby', issuedOn: '2026-12-07', name: 'Amina H.' });
    expect(resolvePassport(read.passport, courseLessons)).toEqual({
      lessons: Object.fromEntries(courseLessons.slice(0, 3).map((id, i) => [id, { completed: true, best: { score: i % 5, total: 4 + (i % 2) } }])),
      unknown: 0,
    });
  });

  it('fits a whole course with every self-check in one QR code', async () => {
    expect(courseLessons.length).toBeGreaterThanOrEqual(45);
    const payload = encodePassport(input(courseLessons));
    const links = passportLinks(BASE, 'sv', payload);
    expect(links).toHaveLength(1);
    expect(payload.length).toBeLessThanOrEqual(MAX_CHUNK);
    const qr = QRCode.create(links[0]!, { errorCorrectionLevel: 'M' });
    // A version 20 code is 97 × 97 modules: a phone reads it from another phone's screen.
    expect(qr.version).toBeLessThanOrEqual(20);
  });

  it('splits a large course into a short sequence of codes that can be scanned in any order', () => {
    const many = Array.from({ length: 150 }, (_, i) => `lokal/lektion-${i}`);
    const payload = encodePassport(input(many));
    const links = passportLinks(BASE, 'ar', payload);
    expect(links.length).toBeGreaterThan(1);
    let held: PartCollection = {};
    let key = '';
    for (const link of [...links].reverse()) {
      const part = readPassportPart(link);
      expect(part.ok).toBe(true);
      if (!part.ok) return;
      key = part.part.key;
      expect(assemble(held, key).status).toBe('waiting');
      held = collectPart(held, part.part);
      held = collectPart(held, part.part);
    }
    const done = assemble(held, key);
    expect(done).toEqual({ status: 'complete', payload });
    const read = decode(payload);
    expect(read.ok && resolvePassport(read.passport, many).unknown).toBe(0);
  });

  it('refuses a changed character, a cut code, a newer version, another site and a future date', () => {
    const payload = encodePassport(input(courseLessons.slice(0, 5)));
    const flipped = payload.slice(0, 20) + (payload[20] === 'A' ? 'B' : 'A') + payload.slice(21);
    expect(decode(flipped)).toEqual({ ok: false, error: 'tampered' });
    expect(decode(payload.slice(0, 30))).toMatchObject({ ok: false });
    const bytes = fromBase64url(payload)!;
    bytes[0] = 2;
    expect(decode(toBase64url(bytes))).toEqual({ ok: false, error: 'newer-version' });
    expect(decode(payload, 'lindas')).toEqual({ ok: false, error: 'other-site' });
    expect(decode(encodePassport(input([], { issuedOn: '2027-03-01' })))).toEqual({ ok: false, error: 'future-date' });
    const link = passportLinks(BASE, 'sv', payload)[0]!;
    expect(readPassportPart(link.replace('#p=1.', '#p=9.'))).toEqual({ ok: false, error: 'newer-version' });
    expect(readPassportPart(link.split('.').slice(0, -1).join('.'))).toMatchObject({ ok: false });
    expect(readPassportPart('https://example.org/')).toEqual({ ok: false, error: 'missing' });
    // A changed character in the code's data: the parts no longer make the passport their key names.
    const changed = readPassportPart(link.slice(0, -3) + (link.at(-3) === 'A' ? 'B' : 'A') + link.slice(-2));
    expect(changed.ok && assemble(collectPart({}, changed.part), changed.part.key)).toEqual({ status: 'tampered' });
  });

  it('takes scanned codes one by one: other codes ignored, parts collected, a mix-up starts again, the whole passport checked', () => {
    const links = passportLinks(BASE, 'sv', encodePassport(input(Array.from({ length: 150 }, (_, i) => `lokal/lektion-${i}`))));
    expect(links.length).toBeGreaterThan(2);
    const options = { now: NOW, requireSite: 'exempelby' };
    expect(takeScannedCode({}, 'https://example.org/menu', options)).toEqual({ kind: 'ignored' });
    let step = takeScannedCode({}, links[1]!, options);
    expect(step).toMatchObject({ kind: 'waiting', held: 1, count: links.length });
    // The same code twice counts once.
    step = takeScannedCode(step.kind === 'waiting' ? step.parts : {}, links[1]!, options);
    expect(step).toMatchObject({ kind: 'waiting', held: 1 });
    // A code cut short is refused, scanning goes on with what was held.
    const held = step.kind === 'waiting' ? step.parts : {};
    const cut = takeScannedCode(held, links[0]!.slice(0, -4), options);
    expect(cut).toMatchObject({ kind: 'refused', final: false, parts: held });
    for (const link of links.filter((_, i) => i !== 1)) step = takeScannedCode(step.kind === 'waiting' ? step.parts : {}, link, options);
    expect(step.kind).toBe('complete');
    if (step.kind === 'complete') expect(step.passport.name).toBe('Amina H.');
    // The whole passport from another site is refused as a whole.
    expect(takeScannedCode({}, passportLinks(BASE, 'sv', encodePassport(input(['a/b'], { siteId: 'annanstad' })))[0]!, options)).toMatchObject({ kind: 'refused', error: 'other-site', final: true });
  });

  it('counts lessons this site does not have instead of guessing', () => {
    const read = decode(encodePassport(input(['aldras/pension', 'annan/lektion'])));
    expect(read.ok && resolvePassport(read.passport, courseLessons)).toEqual({ lessons: { 'aldras/pension': expect.any(Object) }, unknown: 1 });
  });

  it('carries a name without bidi controls or markup, cut to fit', () => {
    const read = decode(encodePassport(input([], { name: '<b>\u202eأمينة حسن ' + 'x'.repeat(100) })));
    expect(read.ok && read.passport.name).toMatch(/^bأمينة حسن x+$/);
    expect(read.ok && new TextEncoder().encode(read.passport.name).length).toBeLessThanOrEqual(60);
  });
});
