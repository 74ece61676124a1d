import { z } from 'astro/zod';
import {
  CARD_FILE,
  CARD_LIMITS,
  CARD_STEP_ID_PATTERN,
  CARD_STORE_VERSION,
  DRIVING_LICENCE_CATEGORIES,
  LANGUAGE_CODE_PATTERN,
  LANGUAGE_LEVELS,
  LESSON_ID_PATTERN,
  LOCALE_CODE_PATTERN,
  NO_MARKUP_PATTERN,
  STEP_STATUSES,
  UUID_PATTERN,
} from './formats.ts';

/*
 * The participant's competence card (kompetenskort): what they have learnt and done, the
 * languages they speak, and the steps they plan. Written in the participant's own language, kept
 * on the device only, printed and exported in Swedish for an employer or Arbetsförmedlingen.
 *
 * Its sections follow the Europass CV's (work, education, languages, driving licence, skills), so
 * a converter to another CV format needs no guessing. Free text is stored as typed, after the
 * markup and bidi rules of `src/lib/card/text.ts`; the schema repeats the markup rule so an
 * imported file is held to it too.
 */

/** A one-line text as typed. */
const line = z.string().max(CARD_LIMITS.line).regex(NO_MARKUP_PATTERN, 'no markup');
/** A longer text as typed, line breaks allowed. */
const paragraph = z.string().max(CARD_LIMITS.paragraph).regex(NO_MARKUP_PATTERN, 'no markup');
/** A random id for an entry, so edits and reordering never mix two entries up. */
const entryId = z.string().regex(UUID_PATTERN).meta({ description: 'Random id of the entry' });

/** A school, course, job or internship. */
export const experienceSchema = z
  .object({
    /** Random id of the entry. */
    id: entryId,
    /** What: the programme or the job title, e.g. "Undersköterska", "Civilingenjör". */
    title: line.meta({ description: 'Programme or job title' }),
    /** Where: the school or the employer. */
    organisation: line.optional().meta({ description: 'School or employer' }),
    /** Town and country, as the participant writes it. */
    place: line.optional().meta({ description: 'Town and country' }),
    /** When, as the participant writes it, e.g. "2015–2019": exact dates are often unknown. */
    period: line.optional().meta({ description: 'When, free text' }),
    /** What they did or learnt there. */
    description: paragraph.optional().meta({ description: 'Tasks or content' }),
  })
  .strict();

/** A language the participant speaks, with a self-assessed level. */
export const languageSkillSchema = z
  .object({
    /** Random id of the entry. */
    id: entryId,
    /** ISO 639 code when the language is in the site's list; names are then shown in the reader's language. */
    code: z.string().regex(LANGUAGE_CODE_PATTERN).optional().meta({ description: 'ISO 639 code' }),
    /** The language's name as typed, when it is not in the list. */
    name: line.optional().meta({ description: 'Language name as typed, when there is no code' }),
    /** Self-assessed level. */
    level: z.enum(LANGUAGE_LEVELS).meta({ description: 'Self-assessed level' }),
  })
  .strict();

/** A short item of a list: a skill or a certificate. */
export const listItemSchema = z
  .object({
    /** Random id of the item. */
    id: entryId,
    /** The text as typed. */
    text: line.meta({ description: 'Text as typed' }),
  })
  .strict();

/** A step the participant plans: one a lesson suggested (by id) or their own. */
export const plannedStepSchema = z
  .object({
    /** Random id of the entry. */
    id: entryId,
    /** A step a lesson suggested, from `content/card-steps.yaml`; shown in each reader's language. */
    stepId: z.string().max(80).regex(CARD_STEP_ID_PATTERN).optional().meta({ description: 'Id of a step suggested by a lesson' }),
    /** The participant's own step, as typed. */
    text: line.optional().meta({ description: 'A step the participant wrote' }),
    /** The lesson that suggested it, for a link back. */
    lessonId: z.string().max(120).regex(LESSON_ID_PATTERN).optional().meta({ description: 'Lesson that suggested the step' }),
    /** Where it stands. */
    status: z.enum(STEP_STATUSES).meta({ description: 'planned, started or done' }),
    /** The day it was added, YYYY-MM-DD. */
    addedOn: z.iso.date().meta({ description: 'Day it was added' }),
  })
  .strict();

/** The card itself. Every section may be empty. */
export const competenceCardSchema = z
  .object({
    /**
     * The language the free text is written in (a locale code such as `ar`), so a printout in
     * Swedish marks it with `lang` and the right direction. Set from the page the participant
     * first writes on; they can change it. Absent on a card nobody has written on.
     */
    textLanguage: z.string().regex(LOCALE_CODE_PATTERN).optional().meta({ description: 'Language of the free text' }),
    /** The participant's name, for the printout. */
    name: line.optional().meta({ description: 'Name' }),
    /** How an employer reaches them: phone or e-mail, as typed. */
    contact: line.optional().meta({ description: 'Phone or e-mail' }),
    /** The kind of work they want. */
    wishes: paragraph.optional().meta({ description: 'Work the participant wants' }),
    /** Education and training. */
    education: z.array(experienceSchema).max(CARD_LIMITS.entries).meta({ description: 'Education and training' }),
    /** Work experience, paid or not. */
    work: z.array(experienceSchema).max(CARD_LIMITS.entries).meta({ description: 'Work experience' }),
    /** Languages. */
    languages: z.array(languageSkillSchema).max(CARD_LIMITS.entries).meta({ description: 'Languages' }),
    /** Driving licence categories held. */
    drivingLicences: z.array(z.enum(DRIVING_LICENCE_CATEGORIES)).max(DRIVING_LICENCE_CATEGORIES.length).meta({ description: 'Driving licence categories' }),
    /** Other licences and certificates, e.g. a forklift licence. */
    certificates: z.array(listItemSchema).max(CARD_LIMITS.entries).meta({ description: 'Licences and certificates' }),
    /** Skills, one per item. */
    skills: z.array(listItemSchema).max(CARD_LIMITS.skills).meta({ description: 'Skills' }),
    /** Planned steps towards work. */
    steps: z.array(plannedStepSchema).max(CARD_LIMITS.steps).meta({ description: 'Planned steps' }),
  })
  .strict();

export type CompetenceCard = z.infer<typeof competenceCardSchema>;
export type Experience = z.infer<typeof experienceSchema>;
export type LanguageSkill = z.infer<typeof languageSkillSchema>;
export type ListItem = z.infer<typeof listItemSchema>;
export type PlannedStep = z.infer<typeof plannedStepSchema>;

/** Version 1 of the card kept in localStorage under `orienta:<site-id>:card`. */
export const cardStoreV1Schema = z
  .object({
    /** Envelope version; older versions are lifted by the migrations in `src/lib/card/definitions.ts`. */
    version: z.literal(CARD_STORE_VERSION),
    /** The municipality site that wrote it. */
    siteId: z.string().min(1).max(64),
    /** When anything last changed. */
    updatedAt: z.iso.datetime({ offset: true }),
    /** The card. */
    card: competenceCardSchema,
  })
  .strict();

export type CardStore = z.infer<typeof cardStoreV1Schema>;

/**
 * The "Export card" file (`public/schemas/competence-card.v1.json`): the card as the participant
 * wrote it, plus the course modules they had finished, named in Swedish for the reader.
 */
export const cardFileV1Schema = z
  .object({
    /** URL of the JSON Schema this file follows. */
    $schema: z.string().max(500).meta({ description: 'URL of /schemas/competence-card.v1.json' }),
    /** File format version. */
    schemaVersion: z.literal(CARD_FILE.version).meta({ description: 'File format version' }),
    /** Marks the file type. */
    kind: z.literal(CARD_FILE.kind).meta({ description: 'File type marker' }),
    /** When it was exported. */
    exportedAt: z.iso.datetime({ offset: true }).meta({ description: 'Export time' }),
    /** The card. */
    card: competenceCardSchema,
    /**
     * Civic orientation modules finished when the file was written, for the person who reads it.
     * Read-only: an import takes finished modules from the progress on the device, not from here.
     */
    finishedModules: z
      .array(
        z
          .object({
            /** Module id. */
            id: z.string().max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
            /** The module's Swedish title. */
            title: z.string().max(200).regex(NO_MARKUP_PATTERN),
            /** Planned hours. */
            hours: z.number().min(0).max(100),
            /** The day the last lesson was completed, YYYY-MM-DD. */
            finishedOn: z.iso.date(),
          })
          .strict(),
      )
      .max(50)
      .meta({ description: 'Finished course modules, titles in Swedish' }),
  })
  .strict();

export type CardFile = z.infer<typeof cardFileV1Schema>;
