import { describe, expect, it } from 'vitest';
import { defuseMarkup, hasMarkup, htmlToText, inspectUntrustedJson, NO_MARKUP_PATTERN } from '../../../src/lib/text/markup.ts';
import { cleanName, hasBidiControls, stripBidiControls } from '../../../src/lib/text/bidi.ts';

describe('the markup policy', () => {
  it('sees tags, comments and processing instructions, not a lone "<"', () => {
    for (const text of ['<b>', '</b>', '<!-- x -->', '<?xml?>', 'a<img src=x>']) expect(hasMarkup(text), text).toBe(true);
    for (const text of ['a < b', '<3', '< img', '2<3']) expect(hasMarkup(text), text).toBe(false);
  });

  it('the schema pattern says the same as the check', () => {
    for (const text of ['<b>', 'ok', 'a < b', '</x', 'x\n<!--']) expect(NO_MARKUP_PATTERN.test(text), text).toBe(!hasMarkup(text));
  });

  it('defuses typed text without changing what it says', () => {
    expect(defuseMarkup('<b>hej</b> och < img')).toBe('＜b>hej＜/b> och ＜ img');
    expect(hasMarkup(defuseMarkup('<script>x</script>'))).toBe(false);
  });

  it('finds markup in keys and nested values, and refuses nesting deeper than any of our files', () => {
    expect(inspectUntrustedJson({ a: [{ b: 'ok' }] })).toBeNull();
    expect(inspectUntrustedJson({ a: [{ b: '<img>' }] })).toBe('markup');
    expect(inspectUntrustedJson({ '<b>': 1 })).toBe('markup');
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(inspectUntrustedJson(deep)).toBe('too-deep');
  });

  it('reads HTML as text for titles and excerpts', () => {
    expect(htmlToText('<em>A</em> &amp; B &lt;3 &#39;x&#x27;')).toBe("A & B <3 'x'");
  });
});

describe('names typed by people', () => {
  it('strips bidi controls that could reverse the sentence around a name', () => {
    expect(stripBidiControls('\u202EAmina\u202C')).toBe('Amina');
    expect(hasBidiControls('a\u2067b\u2069')).toBe(true);
    expect(hasBidiControls('أمينة Amina')).toBe(false);
  });

  it('cleans control characters, brackets and spaces, and cuts to length in characters', () => {
    expect(cleanName('  Amal <b>\u0007 K  ', 80)).toBe('Amal b K');
    expect(cleanName('😀'.repeat(100), 80)).toBe('😀'.repeat(80));
  });
});
