/**
 * A synthetic course in the project's own content format, for the benchmark.
 *
 * Text comes from the real lessons: each synthetic lesson takes its blocks (KeyTerms, WorkLink,
 * Equality, Discuss, SelfCheck, LocalInfo) from a real lesson in the same locale and its running
 * text from sentences of all that locale's real lessons, recombined with a seeded random order.
 * So every locale has text in its own script (Latin, Arabic, Ethiopic, Cyrillic) and realistic word
 * lengths, and the Pagefind indexes grow as a real course's would.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

// ---------------------------------------------------------------------------------------------
// Pure text helpers

/** A small seeded PRNG (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of a string (FNV-1a). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Splits an MDX file into its YAML frontmatter (parsed) and body. */
export function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { data: {}, body: text };
  return { data: (parseYaml(m[1]!) ?? {}) as Record<string, unknown>, body: text.slice(m[0].length) };
}

export const BLOCK_NAMES = ['KeyTerms', 'WorkLink', 'Equality', 'Discuss', 'SelfCheck', 'LocalInfo'] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];

const BLOCK_PATTERNS: Record<BlockName, RegExp> = {
  KeyTerms: /<KeyTerms\b[^>]*>[\s\S]*?<\/KeyTerms>/,
  WorkLink: /<WorkLink\b[^>]*>[\s\S]*?<\/WorkLink>/,
  Equality: /<Equality\b[^>]*>[\s\S]*?<\/Equality>/,
  Discuss: /<Discuss\b[^>]*>[\s\S]*?<\/Discuss>/,
  // SelfCheck closes with `/>` on a line of its own (its questions hold `}` and `>` characters).
  SelfCheck: /<SelfCheck\b[\s\S]*?\n\s*\/>|<SelfCheck\b[^\n]*\/>/,
  LocalInfo: /<LocalInfo\b[^>]*\/>/,
};

/** Takes the blocks out of a lesson body; `prose` is what is left (intro, headings, running text). */
export function extractBlocks(body: string): { blocks: Partial<Record<BlockName, string>>; prose: string } {
  const blocks: Partial<Record<BlockName, string>> = {};
  let prose = body;
  for (const name of BLOCK_NAMES) {
    const m = BLOCK_PATTERNS[name].exec(prose);
    if (m) {
      blocks[name] = m[0];
      prose = prose.slice(0, m.index) + '\n' + prose.slice(m.index + m[0].length);
    }
  }
  return { blocks, prose };
}

/** Splits running text into sentences, after `.`, `!`, `?`, Arabic `؟` and Ethiopic `።` `፧`. */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?؟።፧])\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A sentence that is safe to move on its own: balanced bold and brackets, no MDX specials. */
export function isMovableSentence(sentence: string): boolean {
  if (/[{}<>]/.test(sentence)) return false;
  if ((sentence.match(/\*\*/g)?.length ?? 0) % 2 !== 0) return false;
  const count = (ch: string) => sentence.split(ch).length - 1;
  if (count('[') !== count(']') || count('(') !== count(')')) return false;
  if (!/[.!?؟።፧]$/u.test(sentence)) return false;
  return countWords(sentence) >= 3;
}

export interface ProseUnits {
  headings: string[];
  sentences: string[];
  listItems: string[];
}

/** Headings, sentences and list items of a lesson's running text. */
export function proseUnits(prose: string): ProseUnits {
  const units: ProseUnits = { headings: [], sentences: [], listItems: [] };
  const paragraphs: string[] = [];
  let para: string[] = [];
  let item: string[] | null = null;
  const flush = () => {
    if (para.length) paragraphs.push(para.join(' '));
    para = [];
    if (item) {
      const text = item.join(' ').replace(/\s+/g, ' ').trim();
      if (text && !/[{}<>]/.test(text) && (text.match(/\*\*/g)?.length ?? 0) % 2 === 0) units.listItems.push(text);
    }
    item = null;
  };
  for (const line of prose.split(/\r?\n/)) {
    if (/^\s*$/.test(line)) flush();
    else if (/^#{2,3}\s+/.test(line)) {
      flush();
      const heading = line.replace(/^#+\s+/, '').trim();
      if (!/[{}<>]/.test(heading)) units.headings.push(heading);
    } else if (/^[-*]\s+/.test(line)) {
      flush();
      item = [line.replace(/^[-*]\s+/, '')];
    } else if (item && /^\s+\S/.test(line)) item.push(line.trim());
    else if (/^\s*[<|]/.test(line)) flush();
    else {
      if (item) flush();
      para.push(line.trim());
    }
  }
  flush();
  for (const p of paragraphs) units.sentences.push(...splitSentences(p).filter(isMovableSentence));
  return units;
}

export interface ComposeInput {
  blocks: Record<BlockName, string>;
  units: ProseUnits;
  /** Words of running text to reach (intro + sections; blocks come on top). */
  targetWords: number;
  random: () => number;
}

/** A lesson body in the content guide's order, with running text drawn from `units`. */
export function composeBody({ blocks, units, targetWords, random }: ComposeInput): string {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const sentences = (n: number) => Array.from({ length: n }, () => pick(units.sentences)).join(' ');
  const out: string[] = [];
  let words = 0;
  const add = (text: string) => {
    out.push(text);
    words += countWords(text);
  };
  add(sentences(4));
  out.push(blocks.KeyTerms);
  let section = 0;
  while (words < targetWords) {
    out.push(`## ${pick(units.headings)}`);
    add(sentences(3 + Math.floor(random() * 3)));
    if (section % 2 === 1 && units.listItems.length) {
      add(Array.from({ length: 3 }, () => `- ${pick(units.listItems)}`).join('\n'));
    }
    if (words < targetWords) add(sentences(3 + Math.floor(random() * 3)));
    section++;
  }
  out.push(blocks.WorkLink, blocks.Equality, blocks.Discuss, blocks.SelfCheck, blocks.LocalInfo);
  return `\n${out.join('\n\n')}\n`;
}

/** Frontmatter and body as an MDX file. */
export function mdxFile(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${stringifyYaml(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n${body}`;
}

// ---------------------------------------------------------------------------------------------
// Reading the real course

interface RealLesson {
  /** `<module-id>/<lesson-id>` */
  key: string;
  moduleId: string;
  lessonId: string;
  data: Record<string, unknown>;
  blocks: Partial<Record<BlockName, string>>;
}

interface LocaleCorpus {
  lessons: RealLesson[];
  /** Mean words of running text (blocks left out) per real lesson of this locale. */
  meanProseWords: number;
  byKey: Map<string, RealLesson>;
  units: ProseUnits;
  /** A lesson holding each block, for templates that miss one. */
  fallbackBlocks: Partial<Record<BlockName, string>>;
}

function readCorpus(contentDir: string, locale: string): LocaleCorpus | null {
  const dir = join(contentDir, 'lessons', locale);
  if (!existsSync(dir)) return null;
  const lessons: RealLesson[] = [];
  const units: ProseUnits = { headings: [], sentences: [], listItems: [] };
  const fallbackBlocks: Partial<Record<BlockName, string>> = {};
  let proseWords = 0;
  for (const moduleId of readdirSync(dir).sort()) {
    const moduleDir = join(dir, moduleId);
    for (const file of readdirSync(moduleDir).filter((f) => f.endsWith('.mdx')).sort()) {
      const { data, body } = splitFrontmatter(readFileSync(join(moduleDir, file), 'utf8'));
      const { blocks, prose } = extractBlocks(body);
      const lessonId = file.replace(/\.mdx$/, '');
      lessons.push({ key: `${moduleId}/${lessonId}`, moduleId, lessonId, data, blocks });
      proseWords += countWords(prose);
      const u = proseUnits(prose);
      units.headings.push(...u.headings);
      units.sentences.push(...u.sentences);
      units.listItems.push(...u.listItems);
      for (const name of BLOCK_NAMES) if (blocks[name] && !fallbackBlocks[name]) fallbackBlocks[name] = blocks[name];
    }
  }
  if (lessons.length === 0 || units.sentences.length === 0) return null;
  return { lessons, meanProseWords: proseWords / lessons.length, byKey: new Map(lessons.map((l) => [l.key, l])), units, fallbackBlocks };
}

// ---------------------------------------------------------------------------------------------
// Writing the synthetic course

/**
 * Words a composed body overshoots its target by, on average (the last paragraph is finished).
 * Subtracted so that the synthetic lessons' running text matches the real mean.
 */
const OVERSHOOT_WORDS = 45;

/** Locales in the order the benchmark adds them: one per script first. */
export const LOCALE_PRIORITY = ['sv', 'en', 'ar', 'ti', 'uk', 'fa', 'so', 'prs'];

/** Share of the Swedish lessons translated into each locale (the rest fall back to Swedish). */
export const TRANSLATED_SHARE: Record<string, number> = { en: 0.9, ar: 0.8, uk: 0.7, ti: 0.5, fa: 0.7, so: 0.4, prs: 0.4 };

export interface SyntheticOptions {
  /** The real content folder to copy from and draw text from. */
  contentDir: string;
  /** Where to write the synthetic content folder (created). */
  outDir: string;
  /** Lesson pages wanted in total (Swedish lessons × locales). */
  lessonPages: number;
  /** Number of locales, Swedish first. */
  locales: number;
  /**
   * Words of running text per lesson. Default: the mean of the real lessons in each locale (about
   * 600), so that with the blocks a lesson has about 1,100 words, like the real ones.
   */
  targetWords?: number;
  seed?: number;
}

export interface SyntheticSummary {
  locales: string[];
  /** Swedish originals. */
  lessons: number;
  /** Lesson pages the site will build (lessons × locales). */
  lessonPages: number;
  /** Translated files per locale (Swedish: the originals). */
  translated: Record<string, number>;
  /** Lesson pages shown in Swedish under another locale. */
  fallbackPages: number;
  /** Mean words per lesson file (all blocks included), per locale. */
  meanWords: Record<string, number>;
}

/** How many Swedish lessons give `lessonPages` pages over `locales` locales (at least 1). */
export function lessonsFor(lessonPages: number, locales: number): number {
  return Math.max(1, Math.ceil(lessonPages / Math.max(1, locales)));
}

/** Writes a complete content folder for `ORIENTA_CONTENT_DIR`. */
export function writeSyntheticCourse(options: SyntheticOptions): SyntheticSummary {
  const { contentDir, outDir } = options;
  const random = seededRandom(options.seed ?? 20261120);

  const allLocales = JSON.parse(readFileSync(join(contentDir, 'locales.json'), 'utf8')) as { code: string }[];
  const available = new Set(allLocales.map((l) => l.code));
  const chosen = LOCALE_PRIORITY.filter((c) => available.has(c)).slice(0, Math.max(1, options.locales));
  if (chosen[0] !== 'sv') throw new Error('the synthetic course needs Swedish (sv) in content/locales.json');
  const locales = allLocales.filter((l) => chosen.includes(l.code)).sort((a, b) => (a.code === 'sv' ? -1 : b.code === 'sv' ? 1 : 0));
  const codes = locales.map((l) => l.code);

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'locales.json'), `${JSON.stringify(locales, null, 2)}\n`);

  // Everything else the build reads (sites, surveys, future folders) is copied as it is; pages and
  // modules only for the chosen locales.
  for (const entry of readdirSync(contentDir)) {
    if (['lessons', 'modules', 'pages', 'locales.json'].includes(entry)) continue;
    cpSync(join(contentDir, entry), join(outDir, entry), { recursive: true });
  }
  for (const code of codes) {
    const pages = join(contentDir, 'pages', code);
    if (existsSync(pages)) cpSync(pages, join(outDir, 'pages', code), { recursive: true });
  }
  mkdirSync(join(outDir, 'modules'), { recursive: true });
  for (const entry of readdirSync(join(contentDir, 'modules'))) {
    const from = join(contentDir, 'modules', entry);
    if (entry.endsWith('.yaml')) cpSync(from, join(outDir, 'modules', entry));
    else if (codes.includes(entry)) cpSync(from, join(outDir, 'modules', entry), { recursive: true });
  }

  const corpora = new Map<string, LocaleCorpus>();
  for (const code of codes) {
    const corpus = readCorpus(contentDir, code);
    if (corpus) corpora.set(code, corpus);
  }
  const sv = corpora.get('sv');
  if (!sv) throw new Error(`no Swedish lessons in ${join(contentDir, 'lessons', 'sv')}`);

  const lessons = lessonsFor(options.lessonPages, codes.length);
  const translated: Record<string, number> = Object.fromEntries(codes.map((c) => [c, 0]));
  const words: Record<string, number> = Object.fromEntries(codes.map((c) => [c, 0]));
  const orderInModule = new Map<string, number>();

  const blocksFor = (corpus: LocaleCorpus, lesson: RealLesson | undefined, index: number): Record<BlockName, string> => {
    const source = lesson ?? corpus.lessons[index % corpus.lessons.length]!;
    const out = {} as Record<BlockName, string>;
    for (const name of BLOCK_NAMES) {
      const block = source.blocks[name] ?? corpus.fallbackBlocks[name];
      if (!block) throw new Error(`no <${name}> in any ${source.key} lesson of this locale`);
      out[name] = block;
    }
    return out;
  };

  for (let i = 0; i < lessons; i++) {
    const template = sv.lessons[i % sv.lessons.length]!;
    const round = Math.floor(i / sv.lessons.length) + 1;
    const lessonId = `${template.lessonId}-${round}`;
    const order = (orderInModule.get(template.moduleId) ?? 0) + 1;
    orderInModule.set(template.moduleId, order);

    for (const code of codes) {
      const corpus = corpora.get(code);
      if (!corpus) continue;
      const isOriginal = code === 'sv';
      if (!isOriginal && seededRandom(hash32(`${code}/${i}`))() >= (TRANSLATED_SHARE[code] ?? 0.6)) continue;
      const own = corpus.byKey.get(template.key);
      const data = (own ?? corpus.lessons[i % corpus.lessons.length]!).data;
      const frontmatter: Record<string, unknown> = isOriginal
        ? {
            title: `${String(template.data.title)} (${round})`,
            summary: template.data.summary,
            order,
            minutes: template.data.minutes ?? 45,
            lastReviewed: template.data.lastReviewed,
            reviewer: template.data.reviewer ?? 'content-editor',
            translation: 'original',
            sources: template.data.sources,
          }
        : { title: `${String(data.title)} (${round})`, summary: data.summary, lastReviewed: template.data.lastReviewed, translation: 'machine' };
      const targetWords = options.targetWords ?? Math.max(100, Math.round(corpus.meanProseWords) - OVERSHOOT_WORDS);
      const body = composeBody({ blocks: blocksFor(corpus, own, i), units: corpus.units, targetWords, random });
      const file = join(outDir, 'lessons', code, template.moduleId, `${lessonId}.mdx`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, mdxFile(frontmatter, body));
      translated[code]!++;
      words[code]! += countWords(body);
    }
  }

  const pages = lessons * codes.length;
  const files = Object.values(translated).reduce((a, b) => a + b, 0);
  return {
    locales: codes,
    lessons,
    lessonPages: pages,
    translated,
    fallbackPages: pages - files,
    meanWords: Object.fromEntries(codes.map((c) => [c, translated[c] ? Math.round(words[c]! / translated[c]!) : 0])),
  };
}

/**
 * The URL path of a lesson to weigh in a locale: the first lesson (by module and lesson id) that is
 * translated into that locale, else the first Swedish one (shown as a fallback).
 */
export function sampleLessonPath(contentDir: string, locale: string): string | null {
  for (const code of [locale, 'sv']) {
    const dir = join(contentDir, 'lessons', code);
    if (!existsSync(dir)) continue;
    for (const moduleId of readdirSync(dir).sort()) {
      const lesson = readdirSync(join(dir, moduleId)).filter((f) => f.endsWith('.mdx')).sort()[0];
      if (lesson) return `/${locale}/${moduleId}/${lesson.replace(/\.mdx$/, '')}/`;
    }
  }
  return null;
}
