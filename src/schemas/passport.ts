import { z } from 'astro/zod';
import { PASSPORT_ID_PATTERN, PASSPORT_STORE_VERSION } from './formats.ts';

/**
 * The participant's passport on this device, `orienta:<site-id>:passport`: a random id that stays
 * the same on the device, so a teacher's group counts the participant once whichever way their
 * progress arrives (a scanned code, a file). It is made when first needed, never derived from the
 * person, and taken over from the old phone when progress is moved to a new one.
 */
export const passportStoreV1Schema = z
  .object({
    /** Envelope version. */
    version: z.literal(PASSPORT_STORE_VERSION),
    /** 8 random bytes as 16 hex digits. */
    id: z.string().regex(PASSPORT_ID_PATTERN).meta({ description: 'Random passport id' }),
    /** The day it was made or taken over, YYYY-MM-DD. */
    since: z.iso.date().meta({ description: 'Day the id was made or taken over' }),
  })
  .strict();

export type PassportStore = z.infer<typeof passportStoreV1Schema>;
