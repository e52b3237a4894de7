import { z } from "zod";

/**
 * The wording corpus from the wild: error texts exactly as people pasted them in public threads
 * (issues, re:Post, Stack Overflow, Qiita/Zenn), each with the cause the thread settled on. It
 * measures the diagnosis engine on texts it was never tuned on; the files are data, checked here.
 *
 *   rule           the rule id that names the established cause; null when no rule covers it
 *   cause          required with rule null: the cause in a few words
 *   alsoAcceptable a second rule id, only where the thread leaves two readings open
 */
export const WildEntry = z
  .object({
    text: z.string().trim().min(1),
    source: z.string().trim().min(1),
    rule: z.string().min(1).nullable(),
    cause: z.string().trim().min(1).optional(),
    alsoAcceptable: z.string().min(1).optional(),
  })
  .strict()
  .refine((e) => e.rule !== null || e.cause !== undefined, { message: "an entry with rule null needs a cause", path: ["cause"] });
export type WildEntry = z.infer<typeof WildEntry>;

/** Real error texts that are not auth failures at all: nothing should be diagnosed on them. */
export const UnrelatedEntry = z.object({ text: z.string().trim().min(1), source: z.string().trim().min(1), what: z.string().trim().min(1) }).strict();
export type UnrelatedEntry = z.infer<typeof UnrelatedEntry>;

export const WildFile = z
  .object({
    family: z.string().min(1),
    /**
     * "tuning" for a batch whose entries were read by whoever then wrote rules for them: none of
     * them can stand as held-out, wherever the hash would put it.
     */
    split: z.literal("tuning").optional(),
    entries: z.array(WildEntry),
  })
  .strict();
export const UnrelatedFile = z.object({ family: z.literal("unrelated"), entries: z.array(UnrelatedEntry) }).strict();
