/**
 * Reading a lesson side by side with easy Swedish, section by section. Browser-only; loaded when
 * the participant first asks for it, so a lesson page carries none of it (nor the easy-Swedish
 * text) until then.
 *
 * The easy-Swedish text of the same lesson is fetched as a small page (`lessonTextPath`) and both
 * texts are cut into the same segments: the introduction, each block (key terms, work, equality,
 * discussion) and each `##` section — translations keep these (`content:check` holds them to
 * it). Each pair becomes one row: the reader's text in its own language and direction, easy
 * Swedish beside it (stacked on a phone). Turning it off puts the page back as it was; the
 * page's own nodes are moved, never copied, so the self-check keeps working.
 */

/** Blocks that pair up by their class; the self-check and local info are not repeated. */
const PAIRED_BLOCKS = ['key-terms', 'block-work', 'block-equality', 'block-discuss'];
const SKIPPED_BLOCKS = ['selfcheck', 'block-local', 'sources'];

interface Segment {
  key: string;
  nodes: Element[];
}

/** Cuts an article's content into keyed segments: `intro`, each paired block, `section-<n>`. */
function segmentsOf(container: Element): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { key: 'intro', nodes: [] };
  let section = 0;
  const push = () => {
    if (current.nodes.length) segments.push(current);
  };
  for (const node of [...container.children]) {
    if (node.matches('h1, ul.meta, .sbs-row, [data-sbs-skip]')) continue;
    const block = PAIRED_BLOCKS.find((name) => node.matches(`.${name}, :has(> .${name})`));
    if (block) {
      push();
      segments.push({ key: block, nodes: [node] });
      current = { key: `after-${block}-${section}`, nodes: [] };
      continue;
    }
    if (SKIPPED_BLOCKS.some((name) => node.matches(`.${name}, :has(> .${name}), :has(.${name})`))) {
      push();
      current = { key: `after-skip-${section}`, nodes: [] };
      continue;
    }
    if (node.tagName === 'H2') {
      push();
      current = { key: `section-${++section}`, nodes: [] };
    }
    current.nodes.push(node);
  }
  push();
  return segments;
}

/** What the page needs to show the pairs. */
export interface SideBySideOptions {
  /** The article of the reader's lesson. */
  article: HTMLElement;
  /** The address of the easy-Swedish text of the same lesson. */
  textUrl: string;
  /** `lang` and `dir` of easy Swedish. */
  lang: string;
  dir: 'ltr' | 'rtl';
}

/**
 * Shows the lesson side by side with easy Swedish.
 *
 * @returns `shown`, or `failed` when the easy-Swedish text could not be loaded (offline and not
 *   saved): the page is then unchanged.
 */
export async function showSideBySide({ article, textUrl, lang, dir }: SideBySideOptions): Promise<'shown' | 'failed'> {
  if (article.querySelector('.sbs-row')) return 'shown';
  let html: string;
  try {
    const response = await fetch(textUrl);
    if (!response.ok) return 'failed';
    html = await response.text();
  } catch {
    return 'failed';
  }
  // A template parses without running or styling anything.
  const template = document.createElement('template');
  template.innerHTML = /<article[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
  const easy = new Map(segmentsOf(template.content as unknown as Element).map((segment) => [segment.key, segment]));
  const own = segmentsOf(article);
  const ownLang = article.getAttribute('lang') ?? '';
  const ownDir = article.getAttribute('dir') ?? 'ltr';
  for (const segment of own) {
    const row = document.createElement('div');
    row.className = 'sbs-row';
    const mine = document.createElement('div');
    mine.className = 'sbs-own';
    mine.lang = ownLang;
    mine.dir = ownDir;
    const theirs = document.createElement('div');
    theirs.className = 'sbs-easy';
    theirs.lang = lang;
    theirs.dir = dir;
    const partner = easy.get(segment.key);
    if (partner) theirs.append(...partner.nodes.map((node) => document.importNode(node, true)));
    segment.nodes[0]!.before(row);
    mine.append(...segment.nodes);
    row.append(mine, theirs);
  }
  document.body.classList.add('reading-side-by-side');
  return 'shown';
}

/** Puts the page back as it was. */
export function hideSideBySide(article: HTMLElement): void {
  for (const row of [...article.querySelectorAll('.sbs-row')]) {
    const mine = row.querySelector('.sbs-own');
    row.replaceWith(...(mine ? [...mine.childNodes] : []));
  }
  document.body.classList.remove('reading-side-by-side');
}
