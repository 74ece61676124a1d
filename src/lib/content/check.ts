/**
 * Content checks for the curriculum, run by `npm test` and `npm run content:check`. Takes file
 * texts, returns problems; each problem names the file. Lessons are read as MDX (`mdx.ts`), and
 * blocks are checked against their schemas, never with regular expressions over the source.
 *
 * What it enforces: the required lesson blocks, lesson counts per module and total hours, sources
 * that link to the page that says it (not a front page), known fact ids and card steps, lesson
 * links to lessons that exist, self-checks whose right answers are spread over the positions,
 * translations that keep their source's structure (facts, key terms, links, answers) and name the
 * source revision they were made from, and no placeholder or untranslated text.
 */
import { parse as parseYaml } from 'yaml';
import { lessonSchema, type LessonFrontmatter } from '../../schemas/lesson.ts';
import { moduleSchema } from '../../schemas/module.ts';
import { selfCheckSchema, type SelfCheckQuestion } from '../../schemas/selfcheck.ts';
import { SOURCE_LOCALE, SWEDISH } from '../i18n/locales.ts';
import { issueLines } from '../schema/issues.ts';
import { MdxError, parseMdx, type MdxElement, type ParsedMdx } from './mdx.ts';
import { lix, MAX_EASY_LIX } from './readability.ts';

/** A content file: path relative to the repo root and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

/** One problem found, with the file it is in. */
export interface Problem {
  path: string;
  message: string;
}

/** Rules a course must meet; the defaults are the curriculum's. */
export interface CourseRules {
  minLessonsPerModule: number;
  /** Module id → minimum lessons, for modules that need more. */
  minLessonsFor: Record<string, number>;
  minSwedishWords: number;
  minHours: number;
  keyTerms: [min: number, max: number];
  discuss: [min: number, max: number];
  minSelfCheckQuestions: number;
  /** Largest share of the course's right self-check answers that one option position may hold. */
  maxAnswerPositionShare: number;
}

export const DEFAULT_RULES: CourseRules = {
  minLessonsPerModule: 4,
  minLessonsFor: { 'forsorja-sig': 8 },
  minSwedishWords: 500,
  minHours: 100,
  keyTerms: [5, 10],
  discuss: [3, 5],
  minSelfCheckQuestions: 3,
  maxAnswerPositionShare: 0.5,
};

/** What the checks know about the rest of the course. */
export interface CheckContext {
  /** Fact ids of `content/facts/*.yaml`; an unknown `<Fact id>` is a problem when this is given. */
  factIds?: ReadonlySet<string>;
  /** Step ids of `content/card-steps.yaml`; an unknown `<CardStep id>` is a problem when given. */
  cardStepIds?: ReadonlySet<string>;
  /** Locales that are plain-language editions (easy Swedish): their lessons must meet the LIX limit. */
  plainLanguageLocales?: ReadonlySet<string>;
  /**
   * The course's locales (codes). When given, every source lesson must exist in each of them: a
   * lesson added later arrives in every language in the same change, machine-made until reviewed.
   */
  courseLocales?: readonly string[];
}

const PLACEHOLDER = /\b(lorem ipsum|todo|tbd|fixme|xxx+|placeholder)\b/i;

/** Splits an MDX file into its YAML frontmatter and body. */
export function splitFrontmatter(text: string): { frontmatter: unknown; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return null;
  return { frontmatter: parseYaml(match[1] ?? ''), body: match[2] ?? '' };
}

/** Counts the words of running text, leaving out the self-check. */
export function proseWordCount(mdx: ParsedMdx): number {
  return mdx.prose.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

/** The self-check questions of a lesson, validated with their schema. */
export function selfCheckOf(mdx: ParsedMdx): { questions?: SelfCheckQuestion[]; error?: string } {
  const element = mdx.elements.find((e) => e.name === 'SelfCheck');
  if (!element) return { error: 'missing <SelfCheck questions={[…]} />' };
  const parsed = selfCheckSchema.safeParse(element.attributes.questions);
  if (!parsed.success) return { error: `<SelfCheck questions>: ${issueLines(parsed.error, 3).join('; ')}` };
  return { questions: parsed.data };
}

/** A URL that names a page, not just a site. */
export function isDeepLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.pathname.replace(/\/+$/, '') !== '' || parsed.search !== '';
  } catch {
    return false;
  }
}

/** A lesson file as read: where it sits, its frontmatter and its MDX. */
export interface ReadLesson {
  file: ContentFile;
  locale: string;
  /** `<module-id>/<lesson-id>` */
  id: string;
  data: LessonFrontmatter;
  body: string;
  mdx: ParsedMdx;
}

/** Reads one lesson file (`…/<locale>/<module>/<lesson>.mdx`), or the problems that stop it from being read. */
export function readLesson(file: ContentFile): ReadLesson | Problem[] {
  const split = splitFrontmatter(file.text);
  if (!split) return [{ path: file.path, message: 'missing YAML frontmatter between --- lines' }];
  const parsed = lessonSchema.safeParse(split.frontmatter);
  if (!parsed.success) return issueLines(parsed.error).map((message) => ({ path: file.path, message }));
  let mdx: ParsedMdx;
  try {
    mdx = parseMdx(split.body);
  } catch (error) {
    return [{ path: file.path, message: error instanceof MdxError ? error.message : String(error) }];
  }
  const [locale = '', moduleId = '', name = ''] = file.path.split('/').slice(-3);
  return { file, locale, id: `${moduleId}/${name.replace(/\.mdx$/, '')}`, data: parsed.data, body: split.body, mdx };
}

/** The lesson blocks whose order a translation keeps. */
const BLOCKS = new Set(['KeyTerms', 'WorkLink', 'Equality', 'Discuss', 'SelfCheck', 'LocalInfo']);

const named = (mdx: ParsedMdx, name: string): MdxElement[] => mdx.elements.filter((e) => e.name === name);
const stringAttribute = (element: MdxElement, name: string) => (typeof element.attributes[name] === 'string' ? (element.attributes[name] as string) : undefined);

/** Checks one lesson file on its own. */
export function checkLesson(file: ContentFile, rules: CourseRules = DEFAULT_RULES, context: CheckContext = {}): Problem[] {
  const read = readLesson(file);
  return Array.isArray(read) ? read : lessonProblems(read, rules, context);
}

function lessonProblems({ file, locale, data, mdx }: ReadLesson, rules: CourseRules, context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const add = (message: string) => problems.push({ path: file.path, message });
  if (locale === SOURCE_LOCALE) {
    if (data.translation !== 'original') add('translation: a source lesson is "original"');
    for (const field of ['order', 'minutes', 'sources', 'lastReviewed', 'reviewer'] as const) {
      if (data[field] === undefined) add(`${field}: required in the source lesson`);
    }
    data.sources?.forEach((source, i) => {
      if (!isDeepLink(source.url)) add(`sources.${i}.url: "${source.url}" is a front page; link the page that says it`);
    });
    const words = proseWordCount(mdx);
    if (words < rules.minSwedishWords) add(`body: ${words} words; a source lesson needs at least ${rules.minSwedishWords}`);
  } else {
    if (data.translation === 'original') add('translation: a translation is "machine" or "reviewed", never "original"');
    if (!data.sourceRevision) add('sourceRevision: missing; record the revision of the source this translation was made from (npm run i18n:stamp)');
    if (data.translation === 'reviewed' && (!data.lastReviewed || !data.reviewer)) add('a reviewed translation names the day (lastReviewed) and the role (reviewer) of its review');
    if (context.plainLanguageLocales?.has(locale)) {
      const readability = lix(mdx.prose);
      if (readability.lix > MAX_EASY_LIX) add(`LIX ${readability.lix}: easy Swedish needs at most ${MAX_EASY_LIX} (aim for 25): shorter sentences, fewer long words`);
    }
  }

  const terms = named(mdx, 'Term');
  if (!named(mdx, 'KeyTerms').length) add('missing <KeyTerms>');
  else if (terms.length < rules.keyTerms[0] || terms.length > rules.keyTerms[1]) add(`<KeyTerms> has ${terms.length} <Term sv="…"> entries; expected ${rules.keyTerms[0]}–${rules.keyTerms[1]}`);
  if (!named(mdx, 'WorkLink').some((e) => e.text.length > 40)) add('missing or empty <WorkLink>');
  const discuss = named(mdx, 'Discuss');
  const questions = discuss.flatMap((e) => e.listItems).length;
  if (!discuss.length) add('missing <Discuss>');
  else if (questions < rules.discuss[0] || questions > rules.discuss[1]) add(`<Discuss> has ${questions} questions; expected ${rules.discuss[0]}–${rules.discuss[1]} as a "- " list`);
  const selfCheck = selfCheckOf(mdx);
  if (selfCheck.error) add(selfCheck.error);
  else if ((selfCheck.questions?.length ?? 0) < rules.minSelfCheckQuestions) add(`<SelfCheck> has ${selfCheck.questions?.length} questions; expected at least ${rules.minSelfCheckQuestions}`);
  if (!named(mdx, 'LocalInfo').some((e) => stringAttribute(e, 'topic'))) add('missing <LocalInfo topic="…" />');
  for (const element of named(mdx, 'Fact')) {
    const id = stringAttribute(element, 'id');
    if (!id) add(`line ${element.line}: <Fact> needs an id`);
    else if (context.factIds && !context.factIds.has(id)) add(`line ${element.line}: <Fact id="${id}" />: no such fact in content/facts/`);
  }
  for (const element of named(mdx, 'CardStep')) {
    const id = stringAttribute(element, 'id');
    if (!id || (context.cardStepIds && !context.cardStepIds.has(id))) add(`line ${element.line}: <CardStep id="${id ?? ''}" />: no such step in content/card-steps.yaml`);
  }
  const placeholder = PLACEHOLDER.exec(`${data.title}\n${data.summary}\n${mdx.prose}`);
  if (placeholder) add(`placeholder text "${placeholder[0]}"`);
  return problems;
}

/**
 * What a translation keeps from its source: the number of sections (so that a lesson can be read
 * side by side with easy Swedish, section by section), the blocks in order, facts, key terms,
 * links, card steps and self-check answers.
 */
export function structureOf(mdx: ParsedMdx): Record<string, string> {
  const values = (name: string, attr: string) => named(mdx, name).map((e) => String(e.attributes[attr] ?? '')).sort().join(' ');
  const blocks = mdx.elements.filter((e) => BLOCKS.has(e.name)).map((e) => e.name).join(' ');
  return {
    sections: String(mdx.sections.length),
    blocks,
    facts: values('Fact', 'id'),
    // `<Term sv="…">`: the attribute is named after the language it holds.
    'key terms': values('Term', SWEDISH),
    'lesson links': values('LessonLink', 'to'),
    'card steps': values('CardStep', 'id'),
    'self-check answers': (selfCheckOf(mdx).questions ?? []).map((q) => `${q.answer}/${q.options.length}`).join(' '),
  };
}

/** How the course's right self-check answers fall on the option positions: position → count. */
export function answerPositions(lessons: readonly ReadLesson[]): number[] {
  const counts: number[] = [];
  for (const lesson of lessons) for (const q of selfCheckOf(lesson.mdx).questions ?? []) counts[q.answer] = (counts[q.answer] ?? 0) + 1;
  return Array.from(counts, (n) => n ?? 0);
}

/** Checks the whole course: every lesson, plus the rules across files. */
export function checkCourse(files: ContentFile[], rules: CourseRules = DEFAULT_RULES, context: CheckContext = {}): Problem[] {
  const problems: Problem[] = [];
  const lessonFiles = files.filter((f) => /^content\/lessons\/[^/]+\/[^/]+\/[^/]+\.mdx$/.test(f.path));
  const moduleFiles = files.filter((f) => /^content\/modules\/[^/]+\.yaml$/.test(f.path));
  const read: ReadLesson[] = [];
  for (const file of lessonFiles) {
    const lesson = readLesson(file);
    if (Array.isArray(lesson)) problems.push(...lesson);
    else {
      read.push(lesson);
      problems.push(...lessonProblems(lesson, rules, context));
    }
  }
  const sources = new Map(read.filter((l) => l.locale === SOURCE_LOCALE).map((l) => [l.id, l]));

  const moduleIds = new Set<string>();
  let hours = 0;
  for (const file of moduleFiles) {
    moduleIds.add(file.path.split('/').at(-1)!.replace(/\.yaml$/, ''));
    const parsed = moduleSchema.safeParse(parseYaml(file.text));
    if (!parsed.success) problems.push(...issueLines(parsed.error).map((message) => ({ path: file.path, message })));
    else hours += parsed.data.plannedHours;
  }
  if (hours < rules.minHours) problems.push({ path: 'content/modules', message: `planned hours add up to ${hours}; the law asks for at least ${rules.minHours}` });

  for (const lesson of read) {
    const { file, locale, id } = lesson;
    const moduleId = id.split('/')[0]!;
    if (!moduleIds.has(moduleId)) problems.push({ path: file.path, message: `module "${moduleId}" has no content/modules/${moduleId}.yaml` });
    for (const element of named(lesson.mdx, 'LessonLink')) {
      const to = stringAttribute(element, 'to') ?? '';
      if (!sources.has(to)) problems.push({ path: file.path, message: `line ${element.line}: <LessonLink to="${to}">: no such lesson` });
    }
    if (locale === SOURCE_LOCALE) continue;
    const source = sources.get(id);
    if (!source) {
      problems.push({ path: file.path, message: `no source lesson content/lessons/${SOURCE_LOCALE}/${id}.mdx: renamed or orphaned translation` });
      continue;
    }
    if (lesson.body.trim() === source.body.trim()) problems.push({ path: file.path, message: 'identical to the source text: not translated' });
    const own = structureOf(lesson.mdx);
    const theirs = structureOf(source.mdx);
    for (const [part, value] of Object.entries(own)) {
      if (value !== theirs[part]) problems.push({ path: file.path, message: `${part} differ from the source lesson (expected "${theirs[part]}", found "${value}")` });
    }
  }

  for (const moduleId of moduleIds) {
    const own = [...sources.values()].filter((l) => l.id.startsWith(`${moduleId}/`));
    const min = rules.minLessonsFor[moduleId] ?? rules.minLessonsPerModule;
    if (own.length < min) problems.push({ path: `content/lessons/${SOURCE_LOCALE}/${moduleId}/`, message: `${own.length} lessons; the module needs at least ${min}` });
    if (own.length && !own.some((l) => named(l.mdx, 'Equality').length)) problems.push({ path: `content/lessons/${SOURCE_LOCALE}/${moduleId}/`, message: 'no lesson has an <Equality> section; every module needs one' });
    const orders = own.map((l) => l.data.order).sort((a, b) => (a ?? 0) - (b ?? 0));
    if (orders.some((order, i) => order !== i + 1)) problems.push({ path: `content/lessons/${SOURCE_LOCALE}/${moduleId}/`, message: `lesson orders are ${orders.join(', ')}; expected 1 to ${own.length} without gaps or repeats` });
  }

  if (context.courseLocales) {
    const present = new Set(read.map((l) => `${l.locale}:${l.id}`));
    for (const id of sources.keys()) {
      const missing = context.courseLocales.filter((locale) => !present.has(`${locale}:${id}`));
      if (missing.length) problems.push({ path: `content/lessons/${SOURCE_LOCALE}/${id}.mdx`, message: `not yet in ${missing.join(', ')}: add content/lessons/<locale>/${id}.mdx (machine-made, marked translation: machine, until reviewed)` });
    }
  }

  const positions = answerPositions([...sources.values()]);
  const total = positions.reduce((sum, n) => sum + n, 0);
  positions.forEach((count, position) => {
    if (total > 0 && count / total > rules.maxAnswerPositionShare) {
      problems.push({ path: `content/lessons/${SOURCE_LOCALE}/`, message: `option ${position + 1} is the right self-check answer in ${count} of ${total} questions; spread the right answers over the positions (at most ${Math.round(rules.maxAnswerPositionShare * 100)} % on one)` });
    }
  });
  return problems;
}
