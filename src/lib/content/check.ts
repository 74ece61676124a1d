/**
 * Content checks for the curriculum, run by `npm test` and `npm run content:check`.
 * Pure: takes file texts, returns problems. Each problem names the file.
 *
 * What it enforces (issue #3): lesson counts per module, the required lesson blocks, Swedish
 * originals for every translation, total hours, well-formed https sources, and no placeholder or
 * untranslated text.
 */
import { runInNewContext } from 'node:vm';
import { parse as parseYaml } from 'yaml';
import { lessonSchema, type LessonFrontmatter } from '../../schemas/lesson.ts';
import { moduleSchema } from '../../schemas/module.ts';

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
}

export const DEFAULT_RULES: CourseRules = {
  minLessonsPerModule: 4,
  minLessonsFor: { 'forsorja-sig': 8 },
  minSwedishWords: 500,
  minHours: 100,
  keyTerms: [5, 10],
  discuss: [3, 5],
  minSelfCheckQuestions: 3,
};

const PLACEHOLDER = /\b(lorem ipsum|todo|tbd|fixme|xxx+|placeholder)\b/i;

/** Splits an MDX file into its YAML frontmatter and body. */
export function splitFrontmatter(text: string): { frontmatter: unknown; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return null;
  return { frontmatter: parseYaml(match[1] ?? ''), body: match[2] ?? '' };
}

/** Extracts the contents of `<Name>…</Name>` blocks. */
function blocks(body: string, name: string): string[] {
  const re = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g');
  return [...body.matchAll(re)].map((m) => m[1] ?? '');
}

/** Self-check question as written in MDX. */
export interface SelfCheckQuestion {
  question: string;
  options: string[];
  answer: number;
  feedback: string;
}

/** Reads the `questions={[…]}` expression of a `<SelfCheck>` and validates its shape. */
export function readSelfCheck(body: string): { questions?: SelfCheckQuestion[]; error?: string } {
  const start = body.indexOf('<SelfCheck');
  if (start === -1) return { error: 'missing <SelfCheck questions={[…]} />' };
  const open = body.indexOf('questions={', start);
  if (open === -1) return { error: '<SelfCheck> has no questions={[…]} prop' };
  // Find the matching closing brace of the JSX expression, skipping strings.
  let depth = 0;
  let i = open + 'questions='.length;
  let quote: string | null = null;
  for (; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) break;
  }
  const expression = body.slice(open + 'questions={'.length, i);
  let value: unknown;
  try {
    value = runInNewContext(`(${expression})`, {}, { timeout: 100 });
  } catch (error) {
    return { error: `<SelfCheck> questions is not a valid expression: ${(error as Error).message}` };
  }
  if (!Array.isArray(value)) return { error: '<SelfCheck> questions must be an array' };
  for (const [n, q] of value.entries()) {
    const ok =
      q && typeof q.question === 'string' && q.question.length > 3 &&
      Array.isArray(q.options) && q.options.length >= 2 && q.options.every((o: unknown) => typeof o === 'string' && o.length > 0) &&
      Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.options.length &&
      typeof q.feedback === 'string' && q.feedback.length > 10;
    if (!ok) return { error: `<SelfCheck> question ${n + 1} needs question, options (2+), answer (a valid index) and feedback` };
  }
  return { questions: value as SelfCheckQuestion[] };
}

/** Counts the words of running text, leaving out JSX tags and the self-check expression. */
export function proseWordCount(body: string): number {
  const withoutSelfCheck = body.replace(/<SelfCheck[\s\S]*?\/>/g, ' ');
  const text = withoutSelfCheck.replace(/<[^>]+>/g, ' ').replace(/[#*_`>|[\]()-]/g, ' ');
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** Checks one lesson file on its own. */
export function checkLesson(file: ContentFile, rules: CourseRules = DEFAULT_RULES): Problem[] {
  const problems: Problem[] = [];
  const add = (message: string) => problems.push({ path: file.path, message });
  const split = splitFrontmatter(file.text);
  if (!split) return [{ path: file.path, message: 'missing YAML frontmatter between --- lines' }];
  const parsed = lessonSchema.safeParse(split.frontmatter);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(`${issue.path.join('.') || '(frontmatter)'}: ${issue.message}`);
    return problems;
  }
  const data: LessonFrontmatter = parsed.data;
  const locale = file.path.split('/').at(-3);
  const isSwedish = locale === 'sv';
  const { body } = split;

  if (isSwedish) {
    if (data.translation !== 'original') add('translation: a Swedish lesson is "original"');
    for (const field of ['order', 'minutes', 'sources'] as const) {
      if (data[field] === undefined) add(`${field}: required in the Swedish original`);
    }
    const words = proseWordCount(body);
    if (words < rules.minSwedishWords) add(`body: ${words} words; a Swedish lesson needs at least ${rules.minSwedishWords}`);
  } else if (data.translation === 'original') {
    add('translation: a translation is "machine" or "reviewed", never "original"');
  }

  const terms = blocks(body, 'KeyTerms').join('').match(/<Term\s+sv="[^"]+"/g)?.length ?? 0;
  if (!body.includes('<KeyTerms>')) add('missing <KeyTerms>');
  else if (terms < rules.keyTerms[0] || terms > rules.keyTerms[1]) add(`<KeyTerms> has ${terms} <Term sv="…"> entries; expected ${rules.keyTerms[0]}–${rules.keyTerms[1]}`);
  if (!blocks(body, 'WorkLink').some((b) => b.trim().length > 40)) add('missing or empty <WorkLink>');
  const discuss = blocks(body, 'Discuss');
  const questions = discuss.join('\n').split('\n').filter((line) => /^\s*[-*]\s+\S/.test(line)).length;
  if (!discuss.length) add('missing <Discuss>');
  else if (questions < rules.discuss[0] || questions > rules.discuss[1]) add(`<Discuss> has ${questions} questions; expected ${rules.discuss[0]}–${rules.discuss[1]} as a "- " list`);
  const selfCheck = readSelfCheck(body);
  if (selfCheck.error) add(selfCheck.error);
  else if ((selfCheck.questions?.length ?? 0) < rules.minSelfCheckQuestions) add(`<SelfCheck> has ${selfCheck.questions?.length} questions; expected at least ${rules.minSelfCheckQuestions}`);
  if (!/<LocalInfo\s+topic="[a-z-]+"\s*\/>/.test(body)) add('missing <LocalInfo topic="…" />');
  for (const name of ['KeyTerms', 'WorkLink', 'Equality', 'Discuss']) {
    const opened = body.match(new RegExp(`<${name}>`, 'g'))?.length ?? 0;
    const closed = body.match(new RegExp(`</${name}>`, 'g'))?.length ?? 0;
    if (opened !== closed) add(`<${name}> is opened ${opened} times and closed ${closed} times`);
  }
  const placeholder = PLACEHOLDER.exec(`${data.title}\n${data.summary}\n${body}`);
  if (placeholder) add(`placeholder text "${placeholder[0]}"`);
  return problems;
}

/** Checks the whole course: every lesson, plus the rules across files. */
export function checkCourse(files: ContentFile[], rules: CourseRules = DEFAULT_RULES): Problem[] {
  const problems: Problem[] = [];
  const lessons = files.filter((f) => /^content\/lessons\/[^/]+\/[^/]+\/[^/]+\.mdx$/.test(f.path));
  const moduleFiles = files.filter((f) => /^content\/modules\/[^/]+\.yaml$/.test(f.path));
  const svBodies = new Map<string, string>();
  const svIds = new Set<string>();
  for (const file of lessons) {
    problems.push(...checkLesson(file, rules));
    const [, , locale, moduleId, name] = file.path.split('/');
    const id = `${moduleId}/${name?.replace(/\.mdx$/, '')}`;
    if (locale === 'sv') {
      svIds.add(id);
      svBodies.set(id, splitFrontmatter(file.text)?.body.trim() ?? '');
    }
  }
  const moduleIds = new Set<string>();
  let hours = 0;
  for (const file of moduleFiles) {
    const id = file.path.split('/').at(-1)!.replace(/\.yaml$/, '');
    moduleIds.add(id);
    const parsed = moduleSchema.safeParse(parseYaml(file.text));
    if (!parsed.success) problems.push({ path: file.path, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    else hours += parsed.data.plannedHours;
  }
  if (hours < rules.minHours) problems.push({ path: 'content/modules', message: `planned hours add up to ${hours}; the law asks for at least ${rules.minHours}` });
  for (const file of lessons) {
    const [, , locale, moduleId, name] = file.path.split('/');
    const id = `${moduleId}/${name?.replace(/\.mdx$/, '')}`;
    if (!moduleIds.has(moduleId ?? '')) problems.push({ path: file.path, message: `module "${moduleId}" has no content/modules/${moduleId}.yaml` });
    if (locale !== 'sv') {
      if (!svIds.has(id)) problems.push({ path: file.path, message: `no Swedish original content/lessons/sv/${id}.mdx: renamed or orphaned translation` });
      else if (splitFrontmatter(file.text)?.body.trim() === svBodies.get(id)) problems.push({ path: file.path, message: 'identical to the Swedish text: not translated' });
    }
  }
  for (const moduleId of moduleIds) {
    const own = [...svIds].filter((id) => id.startsWith(`${moduleId}/`));
    const min = rules.minLessonsFor[moduleId] ?? rules.minLessonsPerModule;
    if (own.length < min) problems.push({ path: `content/lessons/sv/${moduleId}/`, message: `${own.length} lessons; the module needs at least ${min}` });
    const hasEquality = own.some((id) => svBodies.get(id)?.includes('<Equality>'));
    if (own.length && !hasEquality) problems.push({ path: `content/lessons/sv/${moduleId}/`, message: 'no lesson has an <Equality> section; every module needs one' });
  }
  return problems;
}
