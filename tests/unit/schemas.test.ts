import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/schemas/lesson.ts';
import { siteConfigSchema } from '../../src/schemas/site.ts';
import { selfCheckSchema } from '../../src/schemas/selfcheck.ts';

const lesson = {
  title: 'A-kassan',
  summary: 'Vad en a-kassa är och hur den fungerar.',
  order: 1,
  minutes: 45,
  lastReviewed: '2026-11-20',
  translation: 'original',
  sources: [{ title: 'IAF', publisher: 'IAF', url: 'https://www.iaf.se/' }],
};

describe('lesson frontmatter', () => {
  it('accepts a complete lesson and coerces the date', () => {
    const parsed = lessonSchema.parse(lesson);
    expect(parsed.lastReviewed).toBeInstanceOf(Date);
  });

  it('names the field of each problem', () => {
    const result = lessonSchema.safeParse({ ...lesson, translation: 'auto', sources: [{ title: 'IAF', publisher: 'IAF', url: 'http://www.iaf.se/' }] });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toContain('translation');
    expect(fields).toContain('sources.0.url');
  });

  it('rejects unknown fields, so a misspelt key is not silently ignored', () => {
    const result = lessonSchema.safeParse({ ...lesson, minuter: 45 });
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('self-check questions', () => {
  it('rejects an answer index outside the options', () => {
    const result = selfCheckSchema.safeParse([{ question: 'Fråga?', options: ['a', 'b'], answer: 2, feedback: 'För att det är så.' }]);
    expect(result.error?.issues[0]?.path).toEqual([0, 'answer']);
  });
});

describe('site config', () => {
  const site = {
    id: 'demo', name: 'Exempelby kommun', shortName: 'Exempelby', logo: 'logo.svg', primaryColor: '#1f5f8b',
    url: 'https://exempelby.example/', contact: { address: 'Storgatan 1', phone: '0123-45', email: 'so@exempelby.example', web: 'https://exempelby.example/' },
    accessibility: { reportEmail: 'a@exempelby.example', lastReviewed: '2026-11-20' },
  };
  it('fills defaults for base, locales and modules', () => {
    const parsed = siteConfigSchema.parse(site);
    expect(parsed.base).toBe('/');
    expect(parsed.locales).toBe('all');
    expect(parsed.localResources).toEqual([]);
  });
  it('rejects a bad email and a colour that is not #rrggbb', () => {
    const result = siteConfigSchema.safeParse({ ...site, primaryColor: 'blue', contact: { ...site.contact, email: 'nope' } });
    const fields = result.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['primaryColor', 'contact.email']));
  });
});
