import { z } from 'astro/zod';

/**
 * UI strings, one JSON file per locale in `src/i18n/ui/<locale>.json`.
 *
 * Each key's description is the translator's brief. `{{name}}` placeholders must be kept as they
 * are. Keys are flat (i18next runs with `keySeparator: false`). Every locale must have exactly the
 * keys Swedish has: a unit test checks parity, and the default locale is parsed strictly at build.
 */
const s = (description: string) => z.string().min(1).meta({ description });

export const uiStringsSchema = z
  .object({
    'site.skipToContent': s('Skip link, first focusable element on every page'),
    'site.courseName': s('Name of the course, e.g. "Civic orientation in Sweden"'),
    'site.tagline': s('One line under the course name on the home page'),
    'nav.main': s('Accessible name of the header navigation'),
    'nav.home': s('Link to the course home page'),
    'nav.breadcrumbs': s('Accessible name of the breadcrumb trail'),
    'nav.language': s('Label of the language switcher'),
    'nav.currentLanguage': s('Screen-reader hint after the current language in the switcher'),
    'nav.previousLesson': s('Label above the link to the previous lesson'),
    'nav.nextLesson': s('Label above the link to the next lesson'),
    'nav.lessonNav': s('Accessible name of the previous/next lesson navigation'),
    'footer.accessibility': s('Footer link to the accessibility statement'),
    'footer.privacy': s('Footer link to the privacy page'),
    'footer.contact': s('Heading of the footer contact block'),
    'home.title': s('Heading of the course home page'),
    'home.intro': s('Introduction paragraph on the course home page'),
    'home.modules': s('Heading above the list of modules'),
    'home.totalHours': s('Total planned hours of the course; {{hours}} is a number'),
    'home.legalNote': s('Short note that the course follows the ordinance on civic orientation (100 hours)'),
    'module.plannedHours': s('Planned time for a module; {{hours}} is a number of hours'),
    'module.lessonCount': s('Number of lessons in a module; {{count}} is a number'),
    'module.lessons': s('Heading above the lessons of a module'),
    'module.number': s('Module number label; {{number}} is 1–8'),
    'lesson.minutes': s('Estimated study time; {{minutes}} is a number of minutes'),
    'lesson.lastReviewed': s('When the facts were last checked; {{date}} is a formatted date'),
    'lesson.fallbackNotice': s('Shown when a lesson is not translated; {{language}} is the reader’s language name'),
    'lesson.machineNotice': s('Shown on machine translations that no person has reviewed'),
    'lesson.readSwedish': s('Link to the Swedish original of a lesson'),
    'lesson.print': s('Note on printouts: where the lesson comes from; {{url}} is the address'),
    'blocks.keyTerms': s('Heading of the key Swedish words block'),
    'blocks.keyTermsHint': s('One line explaining that the words are in Swedish with an explanation'),
    'blocks.workLink': s('Heading of the block that connects the topic to work'),
    'blocks.equality': s('Heading of the gender-equality perspective block'),
    'blocks.discuss': s('Heading of the discussion questions block'),
    'blocks.selfCheck': s('Heading of the self-check quiz'),
    'blocks.localInfo': s('Heading of the local information block'),
    'blocks.sources': s('Heading of the sources list'),
    'blocks.sourcesNote': s('Note that rules and amounts change and the source has the latest'),
    'selfCheck.check': s('Button that checks the self-check answers'),
    'selfCheck.correct': s('Feedback prefix for a right answer'),
    'selfCheck.incorrect': s('Feedback prefix for a wrong answer'),
    'selfCheck.score': s('Result; {{score}} and {{total}} are numbers'),
    'selfCheck.retry': s('Button to answer the self-check again'),
    'selfCheck.unanswered': s('Message when the reader checks without answering every question'),
    'selfCheck.question': s('Label before a question number; {{number}} is a number'),
    'localInfo.ask': s('Fallback when the municipality has no local info on the topic; {{name}} is the municipality'),
    'localInfo.phone': s('Label before a phone number'),
    'localInfo.web': s('Label before a web link'),
    'localInfo.address': s('Label before an address'),
    'contact.email': s('Label before an email address'),
    'notFound.title': s('Title of the 404 page'),
    'notFound.text': s('Text of the 404 page'),
    'notFound.home': s('Link from the 404 page to the course home'),
    'root.title': s('Title of the language choice page'),
    'root.choose': s('Instruction on the language choice page'),
    'page.translationMissing': s('Shown when a page (not a lesson) is not translated; {{language}} is the language name'),
  })
  .strict();

export type UiStrings = z.infer<typeof uiStringsSchema>;
export type UiKey = keyof UiStrings;
