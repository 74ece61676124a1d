/**
 * The competence card as it is printed and read by an employer: in Swedish, with blank parts left
 * out, steps and language names in Swedish, and the participant's own text as they wrote it.
 * Pure: the page gives it the Swedish names it needs.
 */
import type { CompetenceCard, Experience } from '../../schemas/competence-card.ts';
import type { FinishedModule } from './file.ts';
import type { StepStatus } from './edit.ts';
import { shownText } from './text.ts';
import { trimmedCard } from './file.ts';

/** A text on the printout, and whether it is the participant's own (then marked with their language). */
export interface PrintedText {
  text: string;
  /** True for text as the participant typed it; false for the site's Swedish. */
  own: boolean;
}

/** The printable card. Lists are empty when the participant left them empty. */
export interface PrintableCard {
  name?: string;
  contact?: string;
  wishes?: string;
  work: Experience[];
  education: Experience[];
  languages: Array<{ name: PrintedText; level: CompetenceCard['languages'][number]['level'] }>;
  drivingLicences: string[];
  certificates: string[];
  skills: string[];
  steps: Array<{ text: PrintedText; status: StepStatus }>;
  modules: FinishedModule[];
}

/** What the printout needs to know in Swedish. */
export interface PrintNames {
  /** A language's Swedish name by code. */
  languageName(code: string): string;
  /** A suggested step's Swedish text, or undefined for a step the course no longer has. */
  stepText(stepId: string): string | undefined;
  /** Finished course modules, titles in Swedish. */
  finishedModules: FinishedModule[];
}

/** The card as printed. */
export function printableCard(card: CompetenceCard, names: PrintNames): PrintableCard {
  const trimmed = trimmedCard(card);
  return {
    ...(trimmed.name ? { name: trimmed.name } : {}),
    ...(trimmed.contact ? { contact: trimmed.contact } : {}),
    ...(trimmed.wishes ? { wishes: trimmed.wishes } : {}),
    work: trimmed.work,
    education: trimmed.education,
    languages: trimmed.languages.map((l) => ({ name: l.code ? { text: names.languageName(l.code), own: false } : { text: l.name ?? '', own: true }, level: l.level })),
    drivingLicences: trimmed.drivingLicences,
    certificates: trimmed.certificates.map((c) => c.text),
    skills: trimmed.skills.map((s) => s.text),
    steps: trimmed.steps.flatMap((step): PrintableCard['steps'] => {
      const own = shownText(step.text);
      if (own) return [{ text: { text: own, own: true }, status: step.status }];
      const suggested = step.stepId ? names.stepText(step.stepId) : undefined;
      return suggested ? [{ text: { text: suggested, own: false }, status: step.status }] : [];
    }),
    modules: names.finishedModules,
  };
}
