import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import type { Assignment } from '../../../src/schemas/assignment.ts';
import { crc32, fromBase64url, toBase64url, uint32Bytes, utf8 } from '../../../src/lib/text/bytes.ts';
import {
  assignmentId, assignmentLink, canonicalAssignment, decodeAssignment, encodeAssignment, makeAssignment, withoutAssignment,
} from '../../../src/lib/assignment/encode.ts';

const SITE_URL = 'https://exempelby.example/samhallsorientering/';

/** The typical assignment: three whole modules and two single lessons. */
const typical: Assignment = {
  v: 1,
  group: 'SFI B tisdagar',
  locale: 'ar',
  due: '2026-12-01',
  modules: ['forsorja-sig', 'halsa', 'paverka'],
  lessons: ['aldras/pension', 'bo-i-sverige/hyresgast'],
  site: 'demo',
};

/** A body with a correct check, for content that the encoder itself would refuse to write. */
const signed = (body: string) => `a=${body}.${toBase64url(uint32Bytes(crc32(utf8(body))))}`;
const b64 = (text: string) => toBase64url(utf8(text));

describe('byte helpers', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('round-trips base64url and refuses non-canonical spellings', () => {
    for (const text of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', 'ሰላም', 'مرحبا']) {
      const encoded = b64(text);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(new TextDecoder().decode(fromBase64url(encoded)!)).toBe(text);
    }
    expect(b64('foobar')).toBe('Zm9vYmFy');
    expect(fromBase64url('Zm9=')).toBeNull();
    expect(fromBase64url('Zh')).toBeNull(); // unused bits set
    expect(fromBase64url('Z')).toBeNull(); // impossible length
  });
});

describe('encoding', () => {
  it('writes a readable, versioned fragment with a 6-character check', () => {
    const fragment = encodeAssignment(typical);
    expect(fragment).toMatch(/^a=1\.ar\.20261201\.demo\.forsorja-sig_halsa_paverka\.aldras~pension_bo-i-sverige~hyresgast\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
  });

  it('round-trips', () => {
    expect(decodeAssignment(encodeAssignment(typical))).toEqual({ ok: true, assignment: typical });
    const minimal: Assignment = { v: 1, group: 'G', locale: 'sv', modules: [], lessons: ['halsa/psykisk-halsa'] };
    expect(decodeAssignment(encodeAssignment(minimal))).toEqual({ ok: true, assignment: minimal });
  });

  it('round-trips Arabic, Tigrinya and other Unicode group names', () => {
    for (const group of ['مجموعة الصباح', 'ጉጅለ ሓሙስ', 'Гурт «Ранок»', 'Svenska för invandrare – grupp 3 🌱', 'دری / پښتو & "quotes"']) {
      const a = { ...typical, group };
      const result = decodeAssignment(`#${encodeAssignment(a)}`);
      expect(result).toEqual({ ok: true, assignment: a });
    }
  });

  it('is canonical: order, repeats and covered lessons do not change the link or the id', () => {
    const messy: Assignment = {
      ...typical,
      group: '  SFI B tisdagar ',
      modules: ['paverka', 'halsa', 'forsorja-sig', 'halsa'],
      lessons: ['bo-i-sverige/hyresgast', 'halsa/levnadsvanor', 'aldras/pension'],
    };
    expect(canonicalAssignment(messy)).toEqual(typical);
    expect(encodeAssignment(messy)).toBe(encodeAssignment(typical));
    expect(assignmentId(messy)).toBe(assignmentId(typical));
    expect(assignmentId(typical)).toMatch(/^[0-9a-f]{8}$/);
    expect(assignmentId({ ...typical, due: '2026-12-08' })).not.toBe(assignmentId(typical));
  });

  it('groups several lessons of one module', () => {
    const a = { ...typical, modules: [], lessons: ['forsorja-sig/a-kassa', 'forsorja-sig/soka-jobb', 'halsa/levnadsvanor'] };
    expect(encodeAssignment(a)).toContain('.forsorja-sig~a-kassa~soka-jobb_halsa~levnadsvanor.');
    expect(decodeAssignment(encodeAssignment(a))).toEqual({ ok: true, assignment: a });
  });

  it('refuses to encode an invalid assignment', () => {
    expect(() => encodeAssignment({ ...typical, modules: [], lessons: [] })).toThrow(TypeError);
    expect(() => encodeAssignment({ ...typical, group: '<b>x</b>' })).toThrow(/group/);
  });
});

describe('building an assignment from the teacher form', () => {
  it('returns a canonical assignment', () => {
    expect(makeAssignment({ group: ' SFI B tisdagar', locale: 'ar', due: '2026-12-01', modules: ['paverka', 'halsa', 'forsorja-sig'], lessons: ['bo-i-sverige/hyresgast', 'aldras/pension'], site: 'demo' })).toEqual({ ok: true, assignment: typical });
    expect(makeAssignment({ group: 'G', locale: 'sv', due: '', modules: ['halsa'], lessons: [] })).toEqual({ ok: true, assignment: { v: 1, group: 'G', locale: 'sv', modules: ['halsa'], lessons: [] } });
  });

  it('names each wrong field', () => {
    expect(makeAssignment({ group: '', locale: 'Arabic', due: '1/12', modules: [], lessons: [] })).toEqual({ ok: false, errors: ['group', 'locale', 'due', 'empty'] });
    expect(makeAssignment({ group: 'x'.repeat(61), locale: 'sv', modules: ['Not a slug'], lessons: [], site: 'Bad Site' })).toEqual({ ok: false, errors: ['group', 'site', 'ids'] });
    expect(makeAssignment({ group: 'ጉ'.repeat(60), locale: 'ti', modules: [], lessons: Array.from({ length: 61 }, (_, i) => `m/l${i}`) })).toEqual({ ok: false, errors: ['too-many'] });
    expect(makeAssignment({ group: 'a <script>', locale: 'sv', modules: ['halsa'], lessons: [] })).toEqual({ ok: false, errors: ['group'] });
  });
});

describe('decoding errors', () => {
  const fragment = encodeAssignment(typical);

  it('missing: nothing, or no a= parameter', () => {
    for (const input of ['', '#', '   ', 'b=1', '#other=x&y', 'a=', undefined, null, 42, {}]) {
      expect(decodeAssignment(input), String(input)).toEqual({ ok: false, error: 'missing' });
    }
  });

  it('truncated: every cut-off link', () => {
    for (let length = 'a=1'.length; length < fragment.length; length++) {
      const cut = fragment.slice(0, length);
      expect(decodeAssignment(cut), cut).toEqual({ ok: false, error: 'truncated' });
    }
  });

  it('tampered: any one changed, added or removed character after the version', () => {
    const start = 'a=1.'.length;
    for (let i = start; i < fragment.length; i++) {
      if (fragment[i] === '.') continue;
      const replacement = fragment[i] === 'x' ? 'y' : 'x';
      const changed = fragment.slice(0, i) + replacement + fragment.slice(i + 1);
      expect(decodeAssignment(changed), changed).toEqual({ ok: false, error: 'tampered' });
    }
    expect(decodeAssignment(fragment.replace('halsa', 'hals'))).toEqual({ ok: false, error: 'tampered' });
    expect(decodeAssignment(fragment.replace('halsa', 'halsa_aldras'))).toEqual({ ok: false, error: 'tampered' });
    expect(decodeAssignment(`${fragment}x`)).toEqual({ ok: false, error: 'tampered' });
  });

  it('newer-version: a link from a newer format', () => {
    expect(decodeAssignment(fragment.replace('a=1.', 'a=2.'))).toEqual({ ok: false, error: 'newer-version' });
    expect(decodeAssignment('#a=17.anything-at-all')).toEqual({ ok: false, error: 'newer-version' });
  });

  it('invalid: garbage, and well-formed links whose content breaks the rules', () => {
    for (const input of ['a=hello', 'a=%E0%A4%A', 'a=🙂.x.y', `a=${'1.'.repeat(5000)}`, 'a=v1.abc']) {
      expect(decodeAssignment(input), input.slice(0, 40)).toEqual({ ok: false, error: 'invalid' });
    }
    const cases = [
      `1.ar.20261201.demo.halsa..${b64('<img src=x onerror=alert(1)>')}`, // markup in the group name
      `1.ar.20261301.demo.halsa..${b64('G')}`, // no 13th month
      `1.ar.2026-12-01.demo.halsa..${b64('G')}`, // date in the wrong form
      `1.ar...Halsa..${b64('G')}`, // not a slug
      `1.ar.....${b64('G')}`, // nothing assigned
      `1.ar...halsa.aldras..${b64('G')}`, // lesson group without lessons
      `1.ar...halsa_halsa..${b64('G')}`, // repeated module
      `1.ar...halsa..${b64('')}`, // empty group name
      `1.ar...halsa..%%%`, // group name not base64url
      `1.ar...halsa..${b64('G')}.extra`, // one part too many
      `1.arabic...halsa..${b64('G')}`, // not a locale code
    ];
    for (const body of cases) expect(decodeAssignment(signed(body)), body).toEqual({ ok: false, error: 'invalid' });
    expect(decodeAssignment(signed(`1.ar...halsa..${b64('G')}`))).toMatchObject({ ok: true });
  });

  it('reads a whole URL, a #fragment among other parameters, and percent-encoded links', () => {
    const link = assignmentLink(SITE_URL, 'ar', typical);
    expect(decodeAssignment(link)).toEqual({ ok: true, assignment: typical });
    expect(decodeAssignment(`#x=1&${fragment}&y=2`)).toEqual({ ok: true, assignment: typical });
    expect(decodeAssignment(fragment.replaceAll('~', '%7E'))).toEqual({ ok: true, assignment: typical });
  });

  it('never throws', () => {
    const alphabet = 'a=1.~_-xyzAZ09%#&🙂ጉ';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const input = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(() => decodeAssignment(input)).not.toThrow();
      expect(() => decodeAssignment(`a=1.${input}`)).not.toThrow();
    }
  });
});

describe('links', () => {
  it('point to the course home of the locale, under the base path', () => {
    const link = assignmentLink(SITE_URL, 'ar', typical);
    expect(link).toBe(`${SITE_URL}ar/#${encodeAssignment(typical)}`);
    expect(assignmentLink('https://kommun.example/so', 'ti', typical)).toMatch(/^https:\/\/kommun\.example\/so\/ti\/#a=1\./);
    expect(() => assignmentLink('/relative/', 'ar', typical)).toThrow(TypeError);
    expect(() => assignmentLink(SITE_URL, 'AR', typical)).toThrow(TypeError);
  });

  it('the fragment can be removed once saved', () => {
    expect(withoutAssignment(`#${encodeAssignment(typical)}`)).toBe('');
    expect(withoutAssignment(`#top&${encodeAssignment(typical)}`)).toBe('#top');
    expect(withoutAssignment('')).toBe('');
  });

  it('stay short enough for a QR code on a printed page (length report)', () => {
    const link = assignmentLink(SITE_URL, typical.locale, typical);
    const arabic = assignmentLink(SITE_URL, 'ar', { ...typical, group: 'مجموعة الصباح' });
    // The same content as base64url of a compact JSON array, for comparison.
    const json = `${SITE_URL}ar/#a=1.${b64(JSON.stringify([typical.group, typical.locale, typical.due, typical.modules, typical.lessons, typical.site]))}.XXXXXX`;
    const version = (text: string) => QRCode.create(text, { errorCorrectionLevel: 'M' }).version;
    const report = {
      link: link.length,
      fragment: encodeAssignment(typical).length,
      qrVersion: version(link),
      arabicGroupLink: arabic.length,
      arabicQrVersion: version(arabic),
      base64JsonLink: json.length,
      base64JsonQrVersion: version(json),
    };
    console.log(`assignment link length (3 modules + 2 lessons): ${JSON.stringify(report)}\n${link}`);
    // The fragment is what the encoding controls; the rest is the site's own address (46 characters here).
    expect(report.fragment).toBeLessThanOrEqual(115);
    expect(link.length).toBeLessThan(json.length - 50);
    expect(report.qrVersion).toBeLessThanOrEqual(9); // 53 × 53 modules: about 0.7 mm each on a 4 cm code
  });
});
