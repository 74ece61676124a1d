/** The building blocks that lesson MDX files can use without importing them. */
import KeyTerms from './KeyTerms.astro';
import Term from './Term.astro';
import WorkLink from './WorkLink.astro';
import Equality from './Equality.astro';
import Discuss from './Discuss.astro';
import SelfCheck from './SelfCheck.astro';
import LocalInfo from './LocalInfo.astro';
import Sources from './Sources.astro';
import Fact from './Fact.astro';
import LessonLink from './LessonLink.astro';
import CardStep from './CardStep.astro';

export const lessonComponents = { KeyTerms, Term, WorkLink, Equality, Discuss, SelfCheck, LocalInfo, Sources, Fact, LessonLink, CardStep };
