/**
 * Finding the competence-card steps a lesson suggests, for the card page's "Steps the course
 * suggests". `<CardStep id="…" />` takes one string attribute, so its uses can be read from the
 * text; the content check parses the MDX fully and fails the build on an unknown id.
 */

const CARD_STEP_ELEMENT = /<CardStep\s+id=(?:"([^"]+)"|'([^']+)')/g;

/**
 * The step ids a lesson body suggests, in order, each once.
 *
 * @example cardStepIdsIn('… <CardStep id="validering.book-meeting" /> …') // ['validering.book-meeting']
 */
export function cardStepIdsIn(body: string): string[] {
  return [...new Set([...body.matchAll(CARD_STEP_ELEMENT)].map((match) => match[1] ?? match[2]!))];
}
