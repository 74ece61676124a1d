/**
 * Progress where the reader is: the course home's primary action and module marks
 * (`pages/[locale]/index.astro`), and a module page's progress line and lesson marks
 * (`pages/[locale]/[module]/index.astro`). Plain scripts over server-rendered HTML.
 *
 * Lifecycle: on load each reads the device's progress and visits (and, on the home, the
 * assignments and the course outline for titles), fills the marks into space the page keeps
 * for them (so nothing moves), and refills them when another tab changes progress (`storage`
 * events through the stores). Marks are text with an icon, never colour alone.
 */
import { deviceStore } from '../device-data/browser-store.ts';
import { assignmentStore } from '../assignment/store.ts';
import { loadOutline } from '../browser/outline.ts';
import { format } from '../i18n/format.ts';
import type { ProgressStore } from '../../schemas/progress.ts';
import { progressStore } from './definitions.ts';
import { lessonMark, nextStep, type LessonMark } from './next-step.ts';
import { summarize } from './summary.ts';
import { visitsStore } from './visits.ts';

type Texts = Record<string, string>;

/** "✓ Completed" or "◐ Started" as text with a decorative icon; nothing for a lesson not begun. */
function markElement(mark: LessonMark | 'module-done', texts: Texts): HTMLElement | null {
  if (mark === 'none') return null;
  const element = document.createElement('span');
  element.className = `mark mark-${mark === 'started' ? 'started' : 'done'}`;
  element.dataset.mark = mark;
  const icon = document.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = mark === 'started' ? '◐' : '✓';
  element.append(icon, ` ${texts[mark === 'started' ? 'mark.started' : mark === 'done' ? 'progress.completed' : 'mark.moduleDone']}`);
  return element;
}

function visitedLessons(siteId: string): Set<string> {
  return new Set(Object.keys(deviceStore(visitsStore, siteId).snapshot().value.lessons));
}

/** The course home: primary action, course progress, and a mark on each module card. */
export function enhanceHome(root: HTMLElement): void {
  const { site = '', locale = '', progressHref = '' } = root.dataset;
  const texts = JSON.parse(root.dataset.texts ?? '{}') as Texts;
  const numbers = document.documentElement.dataset.numbers;
  const progress = deviceStore(progressStore, site);
  const assignments = deviceStore(assignmentStore, site);
  const link = root.querySelector<HTMLAnchorElement>('[data-next-step]');
  const cards = [...document.querySelectorAll<HTMLElement>('[data-course-modules] [data-module]')];

  const showCards = (value: ProgressStore, visited: Set<string>) => {
    for (const card of cards) {
      const ids = (card.dataset.lessonIds ?? '').split(' ').filter(Boolean);
      const line = card.querySelector<HTMLElement>('[data-module-mark]')!;
      const completed = ids.filter((id) => value.lessons[id]?.completedAt).length;
      const begun = ids.some((id) => lessonMark(id, value, visited) !== 'none');
      const mark = ids.length && completed === ids.length ? markElement('module-done', texts) : begun ? markElement('started', texts) : null;
      line.replaceChildren(...(mark ? [mark, completed < ids.length ? ` · ${format(texts['progress.lessonsDone']!, { done: completed, total: ids.length }, numbers)}` : ''] : []));
    }
  };

  const show = async () => {
    const value = progress.snapshot().value;
    showCards(value, visitedLessons(site));
    let outline;
    try {
      outline = await loadOutline(locale);
    } catch {
      return; // offline and never cached: "Start" stays, the cards are marked already
    }
    const summary = summarize(value, outline.modules.map((m) => ({ id: m.id, plannedHours: m.plannedHours, lessonIds: m.lessons.map((l) => l.id) })));
    const line = root.querySelector<HTMLElement>('[data-course-progress]');
    if (line && summary.completed) line.textContent = format(texts['progress.lessonsDone']!, { done: summary.completed, total: summary.total }, numbers);
    if (!link) return;
    const step = nextStep(outline, value, assignments.snapshot().value.assignments);
    const label = link.querySelector<HTMLElement>('[data-next-label]')!;
    const title = link.querySelector<HTMLElement>('[data-next-title]')!;
    link.dataset.nextStep = step.kind;
    if (step.kind === 'continue' || step.kind === 'start') {
      const lesson = outline.modules.flatMap((m) => m.lessons).find((l) => l.id === step.lessonId)!;
      link.href = lesson.href;
      label.textContent = texts[step.kind === 'start' ? 'home.start' : 'home.continue']!;
      title.textContent = lesson.title;
      if (lesson.lang) title.lang = lesson.lang;
      else title.removeAttribute('lang');
    } else if (step.kind === 'done') {
      link.href = progressHref;
      label.textContent = texts['home.allDone']!;
      title.textContent = texts['progress.seeProgress']!;
      title.removeAttribute('lang');
    }
  };
  void show();
  progress.subscribe(() => void show());
}

/** A module page: its progress line and bar, the survey offer when done, and a mark per lesson. */
export function enhanceModule(root: HTMLElement): void {
  const { site = '' } = root.dataset;
  const texts = JSON.parse(root.dataset.texts ?? '{}') as Texts;
  const numbers = document.documentElement.dataset.numbers;
  const plannedHours = Number(root.dataset.plannedHours);
  const progress = deviceStore(progressStore, site);
  const cards = [...document.querySelectorAll<HTMLElement>('[data-lesson-card]')];

  const show = () => {
    const value = progress.snapshot().value;
    const visited = visitedLessons(site);
    const ids = cards.map((card) => card.dataset.lessonCard!);
    const summary = summarize(value, [{ id: 'module', plannedHours, lessonIds: ids }]);
    root.querySelector<HTMLElement>('[data-progress-text]')!.textContent =
      `${format(texts['progress.lessonsDone']!, { done: summary.completed, total: summary.total }, numbers)} · ${format(texts['progress.hoursDone']!, { done: summary.hoursDone, total: summary.plannedHours }, numbers)}`;
    const bar = root.querySelector<HTMLProgressElement>('progress')!;
    bar.max = summary.total || 1;
    bar.value = summary.completed;
    root.querySelector<HTMLElement>('[data-module-done]')!.hidden = !summary.done;
    root.dataset.progressDone = String(summary.completed);
    for (const card of cards) {
      const mark = markElement(lessonMark(card.dataset.lessonCard!, value, visited), texts);
      card.querySelector<HTMLElement>('[data-lesson-mark]')!.replaceChildren(...(mark ? [mark] : []));
    }
  };
  show();
  progress.subscribe(show);
}
