/**
 * Shared 5-point scales that survey questions name with `scale: agreement | satisfaction | knowledge`.
 * Labels run from point 1 (lowest) to point 5 (highest), in every course locale. Machine-translated
 * like the shipped surveys; a locale missing here falls back to Swedish.
 */
import type { LikertScale, LocalizedText, NamedScale } from '../../schemas/survey.ts';

/** Five labels per locale code, point 1 first. A locale is added as data: a new row in each scale. */
type Labels = Readonly<Record<string, readonly [string, string, string, string, string]>>;

/** Turns per-locale label rows into five localized maps, one per point. */
function byPoint(labels: Labels): LocalizedText[] {
  return [0, 1, 2, 3, 4].map((point) => Object.fromEntries(Object.entries(labels).map(([locale, row]) => [locale, row[point]!])) as LocalizedText);
}

/** "I agree …" statements. */
const agreement: Labels = {
  sv: ['Instämmer inte alls', 'Instämmer inte', 'Varken eller', 'Instämmer', 'Instämmer helt'],
  'sv-easy': ['Håller inte alls med', 'Håller inte med', 'Mitt emellan', 'Håller med', 'Håller helt med'],
  en: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
  ar: ['لا أوافق إطلاقًا', 'لا أوافق', 'لا أوافق ولا أعارض', 'أوافق', 'أوافق تمامًا'],
  fa: ['کاملاً مخالفم', 'مخالفم', 'نه موافقم نه مخالف', 'موافقم', 'کاملاً موافقم'],
  prs: ['کاملاً مخالف هستم', 'مخالف هستم', 'نه موافق هستم نه مخالف', 'موافق هستم', 'کاملاً موافق هستم'],
  so: ['Gabi ahaanba kuma raacsani', 'Kuma raacsani', 'Dhexdhexaad', 'Waan ku raacsanahay', 'Gabi ahaanba waan ku raacsanahay'],
  ti: ['ብፍጹም ኣይሰማማዕን', 'ኣይሰማማዕን', 'ማእከላይ', 'እሰማማዕ', 'ብምሉኡ እሰማማዕ'],
  uk: ['Зовсім не погоджуюся', 'Не погоджуюся', 'Ні погоджуюся, ні не погоджуюся', 'Погоджуюся', 'Повністю погоджуюся'],
};

/** "How satisfied are you …" questions. */
const satisfaction: Labels = {
  sv: ['Mycket missnöjd', 'Missnöjd', 'Varken nöjd eller missnöjd', 'Nöjd', 'Mycket nöjd'],
  'sv-easy': ['Inte alls nöjd', 'Inte nöjd', 'Mitt emellan', 'Nöjd', 'Mycket nöjd'],
  en: ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'],
  ar: ['غير راضٍ/راضية جدًا', 'غير راضٍ/راضية', 'لا راضٍ/راضية ولا غير راضٍ/راضية', 'راضٍ/راضية', 'راضٍ/راضية جدًا'],
  fa: ['خیلی ناراضی', 'ناراضی', 'نه راضی نه ناراضی', 'راضی', 'خیلی راضی'],
  prs: ['بسیار ناراضی', 'ناراضی', 'نه راضی نه ناراضی', 'راضی', 'بسیار راضی'],
  so: ['Aad uga qanacsanayn', 'Ka qanacsanayn', 'Dhexdhexaad', 'Ku qanacsan', 'Aad ugu qanacsan'],
  ti: ['ብጣዕሚ ዘይዕጉብ/ዘይዕግብቲ', 'ዘይዕጉብ/ዘይዕግብቲ', 'ማእከላይ', 'ዕጉብ/ዕግብቲ', 'ብጣዕሚ ዕጉብ/ዕግብቲ'],
  uk: ['Дуже незадоволений(-а)', 'Незадоволений(-а)', 'Ні задоволений(-а), ні незадоволений(-а)', 'Задоволений(-а)', 'Дуже задоволений(-а)'],
};

/** "How well do you know …" self-assessment questions. */
const knowledge: Labels = {
  sv: ['Inte alls', 'Lite', 'Ganska bra', 'Bra', 'Mycket bra'],
  'sv-easy': ['Inte alls', 'Lite', 'Ganska bra', 'Bra', 'Mycket bra'],
  en: ['Not at all', 'A little', 'Fairly well', 'Well', 'Very well'],
  ar: ['لا أعرف إطلاقًا', 'قليلًا', 'بشكل مقبول', 'جيدًا', 'جيدًا جدًا'],
  fa: ['اصلاً', 'کمی', 'نسبتاً خوب', 'خوب', 'خیلی خوب'],
  prs: ['هیچ', 'کمی', 'نسبتاً خوب', 'خوب', 'بسیار خوب'],
  so: ['Gabi ahaanba maya', 'Wax yar', 'Si dhexdhexaad ah', 'Si wanaagsan', 'Si aad u wanaagsan'],
  ti: ['ፈጺመ ኣይፈልጥን', 'ቁሩብ', 'ብማእከላይ ደረጃ', 'ጽቡቕ', 'ኣዝዩ ጽቡቕ'],
  uk: ['Зовсім не знаю', 'Трохи', 'Досить добре', 'Добре', 'Дуже добре'],
};

/** The shared scales by name: five localized labels each, point 1 first. */
export const NAMED_SCALES: Readonly<Record<NamedScale, readonly LocalizedText[]>> = {
  agreement: byPoint(agreement),
  satisfaction: byPoint(satisfaction),
  knowledge: byPoint(knowledge),
};

/** The five localized labels of a likert5 question's scale (a shared scale by name, or inline labels), point 1 first. */
export function scaleLabels(scale: LikertScale): readonly LocalizedText[] {
  return typeof scale === 'string' ? NAMED_SCALES[scale] : scale;
}
