import fc from "fast-check";
import type { FuzzTarget } from "./targets";

/**
 * Targets that stop advancing on any string containing a "7", which fast-check generates a few
 * dozen inputs into a run: one in its parser, one in its input generator. Only harness.test.ts
 * uses them, to prove the watcher reports such a loop instead of waiting on it. Exported under
 * the name the fuzz worker looks up.
 */

export const HANGS_ON = "7";
/** What both targets start from; `map` draws no randomness, so the stuck run index is the same. */
export const STRINGS = fc.string({ maxLength: 8 });

export const FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: "hanging fixture",
    inputs: STRINGS,
    run: (input) => {
      let position = 0;
      // Skips every character but the one it cannot handle, where it never moves on.
      while (position < input.length) if (input[position] !== HANGS_ON) position++;
      return position;
    },
    expected: null,
  },
  {
    name: "hanging generator fixture",
    inputs: STRINGS.map((input) => {
      let position = 0;
      while (position < input.length) if (input[position] !== HANGS_ON) position++;
      return input;
    }),
    run: () => undefined,
    expected: null,
  },
];
