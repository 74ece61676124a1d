import { z } from 'astro/zod';

/** One self-check question, as written in a lesson's `<SelfCheck questions={[…]} />`. */
export const selfCheckQuestionSchema = z
  .object({
    /** The question, in the lesson's language. */
    question: z.string().min(4).meta({ description: 'The question' }),
    /** Two to six answer options. */
    options: z.array(z.string().min(1)).min(2).max(6).meta({ description: 'Answer options' }),
    /** Index of the right option, counting from 0. */
    answer: z.number().int().min(0).meta({ description: 'Index of the right option, from 0' }),
    /** Explains why the right answer is right; shown after checking. */
    feedback: z.string().min(10).meta({ description: 'Explanation shown after checking' }),
  })
  .strict()
  .refine((q) => q.answer < q.options.length, { message: 'answer must be the index of one of the options', path: ['answer'] });

/** The `questions` prop of `<SelfCheck>`. */
export const selfCheckSchema = z.array(selfCheckQuestionSchema).min(1);

export type SelfCheckQuestion = z.infer<typeof selfCheckQuestionSchema>;
