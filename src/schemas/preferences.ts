import { z } from 'astro/zod';
import { PREFERENCES_STORE_VERSION } from './formats.ts';

/**
 * How a participant likes to read and listen, kept on their device, `orienta:<site-id>:preferences`.
 * Never exported: it says nothing about progress, only about how the pages show themselves.
 */
export const preferencesStoreV1Schema = z
  .object({
    /** Envelope version. */
    version: z.literal(PREFERENCES_STORE_VERSION),
    /** Show lessons side by side with easy Swedish. */
    sideBySide: z.boolean().optional().meta({ description: 'Read lessons side by side with easy Swedish' }),
    /** Listening speed, 0.75–1.5. */
    speed: z.number().min(0.75).max(1.5).optional().meta({ description: 'Listening speed, 0.75 to 1.5' }),
  })
  .strict();

export type Preferences = z.infer<typeof preferencesStoreV1Schema>;
