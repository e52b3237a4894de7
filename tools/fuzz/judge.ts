import type { FuzzTarget } from "./targets";

export type Outcome = { kind: "accepted" } | { kind: "refused" } | { kind: "failure"; error: string };

/**
 * What one input did to a target: accepted, refused with the target's own typed error and a
 * message, or anything else (a TypeError, an untyped throw, an empty message), which is a failure.
 */
export function judge(target: FuzzTarget, input: string): Outcome {
  try {
    target.run(input);
    return { kind: "accepted" };
  } catch (error) {
    const typed = target.expected !== null && error instanceof target.expected && error.message.length > 0;
    if (typed) return { kind: "refused" };
    return { kind: "failure", error: String((error as Error | undefined)?.stack ?? error) };
  }
}
