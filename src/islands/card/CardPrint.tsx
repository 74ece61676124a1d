/**
 * The competence card as printed: Swedish headings and fixed texts for an employer or
 * Arbetsförmedlingen, the participant's own text as written, marked with its language and
 * isolated with its own direction, so Arabic reads right to left inside the Swedish page. Rendered from
 * `printableCard()`; shown on screen on request and always in print.
 */
import type { PrintableCard, PrintedText } from '../../lib/card/print.ts';
import type { Experience } from '../../schemas/competence-card.ts';
import { format } from '../format.ts';
import { SWEDISH } from '../../lib/i18n/locales.ts';

export const CARD_PRINT_KEYS = [
  'card.printTitle', 'card.printWrittenIn', 'card.printFooter', 'card.name', 'card.contact', 'card.section.wishes', 'card.section.work',
  'card.section.education', 'card.section.languages', 'card.section.licences', 'card.section.certificates', 'card.section.skills',
  'card.section.steps', 'card.section.modules', 'card.hours', 'card.level.mother-tongue', 'card.level.fluent', 'card.level.good',
  'card.level.basic', 'card.level.beginner', 'card.status.planned', 'card.status.started', 'card.status.done',
] as const;
export type CardPrintStrings = Record<(typeof CARD_PRINT_KEYS)[number], string>;

interface Props {
  card: PrintableCard;
  /** `lang` of the participant's own text. */
  textLang: string;
  /** The participant's language, named in Swedish. */
  textLanguageName: string;
  siteName: string;
  /** Today, formatted in Swedish. */
  date: string;
  /** Swedish strings, whatever the page's language. */
  strings: CardPrintStrings;
  shown: boolean;
}

export default function CardPrint({ card, textLang, textLanguageName, siteName, date, strings, shown }: Props) {
  const own = (text: string, tag: 'span' | 'p' | 'strong' = 'span') => {
    const Tag = tag;
    // Each text finds its own direction: Arabic reads right to left, while a period typed as
    // "2015–2019" stays left to right for the Swedish reader instead of turning into "2019–2015".
    return <Tag lang={textLang} dir="auto" class="own-text">{text}</Tag>;
  };
  const printed = (text: PrintedText) => (text.own ? own(text.text) : <span>{text.text}</span>);
  const experiences = (heading: string, entries: Experience[], kind: string) =>
    entries.length > 0 && (
      <section data-print-section={kind}>
        <h3>{heading}</h3>
        <ul class="print-entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              {own(entry.title, 'strong')}
              {[entry.organisation, entry.place, entry.period].filter(Boolean).map((part) => (
                <> · {own(part!)}</>
              ))}
              {entry.description && own(entry.description, 'p')}
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <section class={shown ? 'card-print shown' : 'card-print'} lang={SWEDISH} dir="ltr" aria-labelledby="card-print-title" data-card-print>
      <header class="card-print-head">
        <p class="issuer">{siteName}</p>
        <h2 id="card-print-title">{strings['card.printTitle']}</h2>
        {card.name && <p class="print-name">{own(card.name, 'strong')}</p>}
        {card.contact && <p>{strings['card.contact']}: {own(card.contact)}</p>}
        <p class="hint">{format(strings['card.printWrittenIn'], { language: textLanguageName })}</p>
      </header>
      {card.wishes && (
        <section data-print-section="wishes">
          <h3>{strings['card.section.wishes']}</h3>
          {own(card.wishes, 'p')}
        </section>
      )}
      {experiences(strings['card.section.work'], card.work, 'work')}
      {experiences(strings['card.section.education'], card.education, 'education')}
      {card.languages.length > 0 && (
        <section data-print-section="languages">
          <h3>{strings['card.section.languages']}</h3>
          <ul>
            {card.languages.map((language, index) => (
              <li key={index}>
                {printed(language.name)}: {strings[`card.level.${language.level}`]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.drivingLicences.length > 0 && (
        <section data-print-section="licences">
          <h3>{strings['card.section.licences']}</h3>
          <p>{card.drivingLicences.join(', ')}</p>
        </section>
      )}
      {card.certificates.length > 0 && (
        <section data-print-section="certificates">
          <h3>{strings['card.section.certificates']}</h3>
          <ul>{card.certificates.map((text, index) => <li key={index}>{own(text)}</li>)}</ul>
        </section>
      )}
      {card.skills.length > 0 && (
        <section data-print-section="skills">
          <h3>{strings['card.section.skills']}</h3>
          <ul>{card.skills.map((text, index) => <li key={index}>{own(text)}</li>)}</ul>
        </section>
      )}
      {card.steps.length > 0 && (
        <section data-print-section="steps">
          <h3>{strings['card.section.steps']}</h3>
          <ul>
            {card.steps.map((step, index) => (
              <li key={index}>
                {printed(step.text)} ({strings[`card.status.${step.status}`].toLowerCase()})
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.modules.length > 0 && (
        <section data-print-section="modules">
          <h3>{strings['card.section.modules']}</h3>
          <ul>
            {card.modules.map((module) => (
              <li key={module.id}>
                {module.title} ({format(strings['card.hours'], { hours: module.hours })})
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="card-print-foot">{format(strings['card.printFooter'], { site: siteName, date })}</p>
    </section>
  );
}
