import { z } from 'astro/zod';
import { localeCodeSchema } from './locale.ts';
import { slugSchema } from './lesson.ts';
import { SOURCE_LOCALE } from './formats.ts';

/** A text given per locale, e.g. `{ sv: "…", en: "…" }`. Swedish is required; others fall back to it. */
export const localizedTextSchema = z
  .record(localeCodeSchema, z.string().min(1))
  .refine((value) => typeof value[SOURCE_LOCALE] === 'string', { message: `needs at least a text in the source language ("${SOURCE_LOCALE}")` });

/** Topics that `LocalInfo` slots in lessons ask for. */
export const localTopicSchema = z
  .enum(['employers', 'study-visits', 'sfi-komvux', 'employment-office', 'health', 'housing', 'family', 'democracy', 'elderly', 'general'])
  .meta({ description: 'The LocalInfo slot this resource fills' });

/** A local resource: an employer, a study visit, a school, an office. */
export const localResourceSchema = z
  .object({
    /** Which `LocalInfo` slot it fills. */
    topic: localTopicSchema,
    /** Name as the place calls itself. */
    name: z.string().min(2).meta({ description: 'Name of the place or organisation' }),
    /** Short description per locale. */
    text: localizedTextSchema.meta({ description: 'Description per locale' }),
    /** Optional https web address. */
    url: z.url({ protocol: /^https$/ }).optional().meta({ description: 'https web address' }),
    /** Optional phone number, as dialled in Sweden. */
    phone: z.string().optional().meta({ description: 'Phone number' }),
    /** Optional visiting address. */
    address: z.string().optional().meta({ description: 'Visiting address' }),
  })
  .strict();

/** Ways to reach the municipality's civic orientation. */
export const contactSchema = z
  .object({
    /** Postal or visiting address. */
    address: z.string().min(3).meta({ description: 'Address' }),
    /** Phone number. */
    phone: z.string().min(3).meta({ description: 'Phone number' }),
    /** Email address. */
    email: z.email().meta({ description: 'Email address' }),
    /** The municipality's web page for civic orientation. */
    web: z.url({ protocol: /^https$/ }).meta({ description: 'https web page' }),
  })
  .strict();

/**
 * A municipality's site configuration, `content/sites/<site-id>/site.yaml`.
 * Selected at build time with `ORIENTA_SITE`.
 */
const base64url = (length: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${length}}$`), `${length} base64url characters`);
const day = z.union([z.iso.date(), z.date().transform((date) => date.toISOString().slice(0, 10))]);

/** One signing key of the municipality: its public half, and when it may sign. */
export const intygKeySchema = z
  .object({
    /** Key id, written into every certificate it signs, e.g. "exempelby-2026". */
    kid: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/).meta({ description: 'Key id' }),
    /** The public key as a JWK: ECDSA P-256 (ES256). */
    publicKey: z
      .object({
        /** Key type. */
        kty: z.literal('EC'),
        /** Curve. */
        crv: z.literal('P-256'),
        /** Public point, x. */
        x: base64url(43),
        /** Public point, y. */
        y: base64url(43),
      })
      .strict()
      .meta({ description: 'Public JWK (EC P-256)' }),
    /** First day it signs (YYYY-MM-DD). */
    validFrom: day.meta({ description: 'First day the key signs' }),
    /** Last day it signs, once it has been replaced; certificates it signed until then stay valid. */
    validUntil: day.optional().meta({ description: 'Last day the key signed (after rotation)' }),
    /** The key was lost or stolen: certificates dated this day or later are not valid. */
    compromisedFrom: day.optional().meta({ description: 'Day from which the key is not trusted' }),
  })
  .strict();

/** Signed certificates: the municipality's signing keys, newest last. */
export const intygConfigSchema = z
  .object({
    /** Signing keys; several during a rotation. */
    keys: z.array(intygKeySchema).min(1).max(20).meta({ description: 'Signing keys' }),
  })
  .strict()
  .refine((intyg) => new Set(intyg.keys.map((k) => k.kid)).size === intyg.keys.length, { message: 'every key needs its own kid' });

export type IntygKey = z.infer<typeof intygKeySchema>;

export const siteConfigSchema = z
  .object({
    /** Site id, the same as the folder name. Part of the storage key for progress on the device. */
    id: slugSchema.meta({ description: 'Same as the folder name' }),
    /** Full name, e.g. "Exempelby kommun". */
    name: z.string().min(2).meta({ description: 'Full name of the municipality' }),
    /** Short name for tight spaces. */
    shortName: z.string().min(2).max(24).meta({ description: 'Short name (max 24 characters)' }),
    /** Logo file in the site folder (SVG or PNG). Shown in the header and on printouts. */
    logo: z.string().regex(/^[\w.-]+\.(svg|png)$/, 'a file name in the site folder ending in .svg or .png').meta({ description: 'Logo file in the site folder' }),
    /** Brand colour as #rrggbb. Used for the header band and buttons with white text, so it must reach 4.5:1 contrast against white. */
    primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb, e.g. "#1f5f8b"').meta({ description: 'Brand colour #rrggbb, at least 4.5:1 against white' }),
    /** Absolute site URL, e.g. "https://kommun.example/so/". */
    url: z.url({ protocol: /^https$/ }).meta({ description: 'Public https URL of the site' }),
    /** Base path the site is served under, e.g. "/so/". `ORIENTA_BASE` overrides it. */
    base: z.string().regex(/^\/(?:[\w-]+\/)*$/, 'a path that starts and ends with "/", e.g. "/kommun/so/"').default('/').meta({ description: 'Base path' }),
    /** Contact details. */
    contact: contactSchema,
    /** Locales this site publishes; `all` for every locale in content/locales.json. */
    locales: z.union([z.literal('all'), z.array(localeCodeSchema).min(1)]).default('all').meta({ description: 'Enabled locales or "all"' }),
    /** The locale the root page falls back to and lists first. Must be one of `locales`. */
    defaultLocale: localeCodeSchema.default(SOURCE_LOCALE).meta({ description: 'Default locale; one of the enabled locales' }),
    /** Modules this site publishes; `all` for every module. */
    modules: z.union([z.literal('all'), z.array(slugSchema).min(1)]).default('all').meta({ description: 'Enabled module ids or "all"' }),
    /** Local resources that fill the lessons' LocalInfo slots. */
    localResources: z.array(localResourceSchema).default([]).meta({ description: 'Local resources by topic' }),
    /**
     * Another site whose local content (local lessons and local resources) this site uses too,
     * as Svedala uses Trelleborg's course. Its own content comes first and wins on the same id.
     */
    localContentFrom: slugSchema.optional().meta({ description: 'Site id whose local lessons and resources are shared into this site' }),
    /** Survey settings. */
    survey: z
      .object({
        /** Breakdown cells with fewer responses than this are hidden, as statistics offices do. */
        minGroupSize: z.number().int().min(1).max(100).default(5).meta({ description: 'Smallest group shown in survey breakdowns' }),
      })
      .strict()
      .default({ minGroupSize: 5 }),
    /**
     * Signed certificates (intyg). The public keys the municipality signs with; the private keys
     * stay with the municipality (docs/intyg.md). Absent: the site issues no signed certificates.
     */
    intyg: intygConfigSchema.optional().meta({ description: 'Public keys for signed certificates' }),
    /** Accessibility statement details required by lag (2018:1937). */
    accessibility: z
      .object({
        /** Where to report accessibility problems. */
        reportEmail: z.email().meta({ description: 'Email for reporting accessibility problems' }),
        /** Date of the last accessibility review (YYYY-MM-DD). */
        lastReviewed: z.coerce.date().meta({ description: 'Date of the last accessibility review' }),
      })
      .strict(),
  })
  .strict();

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type LocalResource = z.infer<typeof localResourceSchema>;
export type LocalTopic = z.infer<typeof localTopicSchema>;
