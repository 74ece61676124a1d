import { describe, expect, it } from 'vitest';
import { excerptParts, normaliseQuery, prepareHtmlForIndex, splitEthiopicWords } from '../../src/lib/search/prepare.ts';

describe('Ethiopic word splitting', () => {
  it('splits words on the Ethiopic word space and full stop', () => {
    expect(splitEthiopicWords('ስራ፡ምድላይ።ሓገዝ')).toBe('ስራ፡ ምድላይ። ሓገዝ');
    expect(splitEthiopicWords('a-kassa ስራ')).toBe('a-kassa ስራ');
  });
  it('only changes Tigrinya (and Amharic) pages', () => {
    expect(prepareHtmlForIndex('<p>ስራ፡ምድላይ</p>', 'ti')).toBe('<p>ስራ፡ ምድላይ</p>');
    expect(prepareHtmlForIndex('<p>ስራ፡ምድላይ</p>', 'sv-SE')).toBe('<p>ስራ፡ምድላይ</p>');
  });
  it('normalises queries the same way', () => {
    expect(normaliseQuery('  ስራ፡ምድላይ  ')).toBe('ስራ ምድላይ');
  });
});

describe('excerptParts', () => {
  it('turns Pagefind excerpts into text and highlights, decoding entities and dropping other tags', () => {
    expect(excerptParts('Om <mark>a-kassa</mark> &amp; &lt;b&gt; <img src=x>')).toEqual([
      { text: 'Om ', mark: false },
      { text: 'a-kassa', mark: true },
      { text: ' & <b> ', mark: false },
    ]);
  });
});
