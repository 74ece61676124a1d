import { describe, expect, it } from 'vitest';
import { checkCardText } from '../../../src/lib/card/text.ts';
import {
  addEntry, addSuggestedStep, changeStoredCard, emptyCard, insertEntry, isCardEmpty, LIST_LIMITS, moveEntry, removeEntry, setDrivingLicence,
  setText, updateEntry,
} from '../../../src/lib/card/edit.ts';
import { cardFile, cardStore, emptyCardStore } from '../../../src/lib/card/definitions.ts';
import { previewCardImport, readCardFile, replaceCard, trimmedCard, writeCardFile } from '../../../src/lib/card/file.ts';
import { printableCard } from '../../../src/lib/card/print.ts';
import { languageName } from '../../../src/lib/card/languages.ts';
import { cardStepIdsIn } from '../../../src/lib/content/card-steps.ts';
import { openStore, type KeyValueStorage } from '../../../src/lib/device-data/store.ts';
import { cardFileV1Schema, type CompetenceCard } from '../../../src/schemas/competence-card.ts';
import { CARD_LIMITS } from '../../../src/schemas/formats.ts';

const NOW = new Date('2026-12-07T10:00:00.000Z');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function filledCard(): CompetenceCard {
  let card = emptyCard();
  card = setText(card, 'name', 'Amina Hassan');
  card = addEntry(card, 'work', { id: id(1), title: 'ممرضة', organisation: 'مستشفى حلب', period: '2015–2019' });
  card = addEntry(card, 'education', { id: id(2), title: '  ', organisation: '' });
  card = addEntry(card, 'languages', { id: id(3), code: 'ar', level: 'mother-tongue' });
  card = addEntry(card, 'languages', { id: id(4), name: 'Tigre', level: 'good' });
  card = addEntry(card, 'skills', { id: id(5), text: 'Welding ' });
  card = addSuggestedStep(card, 'validering.book-meeting', { id: id(6), day: '2026-12-01', lessonId: 'forsorja-sig/validering' });
  card = addEntry(card, 'steps', { id: id(7), text: 'Ring Arbetsförmedlingen', status: 'started', addedOn: '2026-12-02' });
  return setDrivingLicence(setDrivingLicence(card, 'CE', true), 'B', true);
}

describe('checkCardText', () => {
  it('keeps ordinary text, in any script, as typed', () => {
    expect(checkCardText('أريد العمل  في المستشفى', 100)).toEqual({ ok: true, value: 'أريد العمل  في المستشفى', cleaned: [] });
  });
  it('removes bidi controls and defuses markup, and says which', () => {
    expect(checkCardText('<b>Ali</b>\u202e x', 100)).toEqual({ ok: true, value: '\uff1cb>Ali\uff1c/b> x', cleaned: ['bidi', 'markup'] });
    expect(checkCardText('I <3 work, a<b', 100)).toEqual({ ok: true, value: 'I <3 work, a\uff1cb', cleaned: ['markup'] });
  });
  it('keeps line breaks only where the field allows them', () => {
    expect(checkCardText('one\r\ntwo', 100, true)).toMatchObject({ value: 'one\ntwo' });
    expect(checkCardText('one\ntwo\u0007', 100)).toMatchObject({ value: 'one two ' });
  });
  it('refuses a text over the limit instead of cutting it', () => {
    expect(checkCardText('x'.repeat(121), 120)).toEqual({ ok: false, problem: 'too-long', length: 121, max: 120 });
    expect(checkCardText('x'.repeat(120), 120).ok).toBe(true);
  });
});

describe('card edits', () => {
  it('return the same object when nothing changes, so nothing is written', () => {
    const card = filledCard();
    expect(setText(card, 'name', 'Amina Hassan')).toBe(card);
    expect(updateEntry(card, 'work', id(1), { title: 'ممرضة' })).toBe(card);
    expect(removeEntry(card, 'skills', id(99))).toBe(card);
    expect(moveEntry(card, 'languages', id(3), -1)).toBe(card);
    expect(setDrivingLicence(card, 'B', true)).toBe(card);
    expect(addSuggestedStep(card, 'validering.book-meeting', { id: id(50), day: '2026-12-03' })).toBe(card);
  });
  it('keep driving licence categories in the official order', () => {
    expect(filledCard().drivingLicences).toEqual(['B', 'CE']);
  });
  it('clear optional fields but keep required ones', () => {
    const card = updateEntry(filledCard(), 'work', id(1), { organisation: '', title: '' });
    expect(card.work[0]).toEqual({ id: id(1), title: '', period: '2015–2019' });
  });
  it('move, remove and put back an entry where it was', () => {
    const card = filledCard();
    const moved = moveEntry(card, 'languages', id(4), -1);
    expect(moved.languages.map((l) => l.id)).toEqual([id(4), id(3)]);
    const removed = removeEntry(moved, 'languages', id(4));
    expect(insertEntry(removed, 'languages', moved.languages[0]!, 0).languages.map((l) => l.id)).toEqual([id(4), id(3)]);
  });
  it('stop at a list limit', () => {
    let card = emptyCard();
    for (let n = 0; n < LIST_LIMITS.skills + 3; n++) card = addEntry(card, 'skills', { id: id(100 + n), text: `s${n}` });
    expect(card.skills).toHaveLength(CARD_LIMITS.skills);
  });
  it('know an empty card, blank texts included', () => {
    expect(isCardEmpty(emptyCard())).toBe(true);
    expect(isCardEmpty(setText(emptyCard(), 'wishes', '   '))).toBe(true);
    expect(isCardEmpty(setDrivingLicence(emptyCard(), 'B', true))).toBe(false);
  });
  it('record the language of the page the first text is written on, and only then', () => {
    const store = emptyCardStore('demo', NOW);
    const first = changeStoredCard(store, (c) => setText(c, 'name', 'Hodan'), NOW, 'so');
    expect(first.card.textLanguage).toBe('so');
    expect(first.updatedAt).toBe(NOW.toISOString());
    expect(changeStoredCard(first, (c) => setText(c, 'contact', '070'), NOW, 'ar').card.textLanguage).toBe('so');
    expect(changeStoredCard(first, (c) => c, NOW, 'ar')).toBe(first);
  });
});

describe('the stored card', () => {
  const storage = (value: unknown): KeyValueStorage => {
    const data = new Map([['orienta:demo:card', JSON.stringify(value)]]);
    return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  };
  it('opens a valid card and refuses one from another site or with duplicate ids', () => {
    const store = { ...emptyCardStore('demo', NOW), card: filledCard() };
    expect(openStore(storage(store), cardStore, { siteId: 'demo', now: NOW }).value.card.name).toBe('Amina Hassan');
    const other = openStore(storage({ ...store, siteId: 'other' }), cardStore, { siteId: 'demo', now: NOW });
    expect(other.problem).toBe('stored-unreadable-kept');
    const dupes = { ...store, card: { ...store.card, skills: [{ id: id(1), text: 'x' }] } };
    expect(openStore(storage(dupes), cardStore, { siteId: 'demo', now: NOW }).problem).toBe('stored-unreadable-kept');
  });
  it('leaves a card written by a newer version alone', () => {
    expect(openStore(storage({ version: 2, card: {} }), cardStore, { siteId: 'demo', now: NOW })).toMatchObject({ problem: 'stored-newer', writable: false });
  });
});

describe('the card file', () => {
  const modules = [{ id: 'komma-till-sverige', title: 'Att komma till Sverige', hours: 10, finishedOn: '2026-11-20' }];
  it('is written in the published format, without blank entries, and read back', () => {
    const store = { ...emptyCardStore('demo', NOW), card: filledCard() };
    const text = writeCardFile(store, modules, 'https://example.org/schemas/competence-card.v1.json', NOW);
    const file = JSON.parse(text);
    expect(cardFileV1Schema.parse(file)).toBeTruthy();
    expect(file.card.education).toEqual([]);
    expect(file.card.skills).toEqual([{ id: id(5), text: 'Welding' }]);
    const read = readCardFile(text, NOW);
    expect(read.ok && read.file.card.work[0]!.title).toBe('ممرضة');
    expect(read.ok && read.file.finishedModules).toEqual(modules);
  });
  it('strips bidi controls from an opened file and refuses markup and future dates', () => {
    const store = { ...emptyCardStore('demo', NOW), card: setText(emptyCard(), 'name', 'Ali') };
    const file = JSON.parse(writeCardFile(store, [], 'https://x/schemas/competence-card.v1.json', NOW));
    const read = readCardFile(JSON.stringify({ ...file, card: { ...file.card, name: 'Ali\u202e' } }), NOW);
    expect(read.ok && read.file.card.name).toBe('Ali');
    expect(readCardFile(JSON.stringify({ ...file, card: { ...file.card, name: '<script>' } }), NOW)).toMatchObject({ ok: false, error: 'markup' });
    expect(readCardFile(JSON.stringify({ ...file, exportedAt: '2030-01-01T00:00:00.000Z' }), NOW)).toMatchObject({ ok: false, error: 'future-date' });
    expect(readCardFile(JSON.stringify({ ...file, schemaVersion: 3 }), NOW)).toMatchObject({ ok: false, error: 'newer-version' });
    expect(readCardFile('x'.repeat(cardFile.maxBytes + 1), NOW)).toMatchObject({ ok: false, error: 'file-too-large' });
  });
  it('previews a replacement and replaces only when asked', () => {
    const store = { ...emptyCardStore('demo', NOW), card: filledCard() };
    const file = cardFileV1Schema.parse(JSON.parse(writeCardFile(store, [], 'https://x/s.json', NOW)));
    expect(previewCardImport(emptyCard(), file)).toEqual({ entries: 9, replacesCard: false });
    expect(previewCardImport(filledCard(), file).replacesCard).toBe(true);
    expect(replaceCard(emptyCardStore('demo', NOW), file, NOW).card).toEqual(file.card);
  });
  it('keeps the text language and leaves out what is blank', () => {
    const card = changeStoredCard(emptyCardStore('demo', NOW), (c) => setText(c, 'wishes', ' '), NOW, 'ti').card;
    expect(trimmedCard(card)).toEqual({ textLanguage: 'ti', education: [], work: [], languages: [], drivingLicences: [], certificates: [], skills: [], steps: [] });
  });
});

describe('the printed card', () => {
  it('names languages and suggested steps in Swedish and keeps own text as written', () => {
    const printed = printableCard(filledCard(), {
      languageName: (code) => languageName(code, 'sv'),
      stepText: (stepId) => (stepId === 'validering.book-meeting' ? 'Boka ett möte om validering hos Arbetsförmedlingen' : undefined),
      finishedModules: [],
    });
    expect(printed.languages).toEqual([
      { name: { text: 'arabiska', own: false }, level: 'mother-tongue' },
      { name: { text: 'Tigre', own: true }, level: 'good' },
    ]);
    expect(printed.steps).toEqual([
      { text: { text: 'Boka ett möte om validering hos Arbetsförmedlingen', own: false }, status: 'planned' },
      { text: { text: 'Ring Arbetsförmedlingen', own: true }, status: 'started' },
    ]);
    expect(printed.education).toEqual([]);
  });
  it('leaves out a step the course no longer has', () => {
    const card = addSuggestedStep(emptyCard(), 'gone.step', { id: id(1), day: '2026-12-01' });
    expect(printableCard(card, { languageName: (c) => c, stepText: () => undefined, finishedModules: [] }).steps).toEqual([]);
  });
});

describe('language names and step ids', () => {
  it('names a language in the reader\'s language, then English, then by code', () => {
    expect(languageName('prs', 'sv')).toBe('dari');
    expect(languageName('ar', 'ar')).toBe('العربية');
    expect(languageName('qqq', 'sv')).toBe('qqq');
  });
  it('finds the steps a lesson suggests, each once', () => {
    expect(cardStepIdsIn('a <CardStep id="x.y" /> b <CardStep id=\'z.w\'/> <CardStep id="x.y" />')).toEqual(['x.y', 'z.w']);
  });
});
