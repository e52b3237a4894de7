import fc from "fast-check";
import type { FuzzTarget } from "./targets";

/**
 * One input of a fuzz run, generated again from the run's seed and the input's run index. Inputs
 * are never stored: fast-check's `path` jumps straight to run N of seed S, which is how a hang,
 * whose worker could not send anything back, still gets its input shown.
 */
export function regenerateInput(target: FuzzTarget, seed: number, index: number): string {
  const [input] = fc.sample(target.inputs, { seed, path: String(index), numRuns: 1 });
  if (input === undefined) throw new Error(`${target.name}: no input at run index ${index} of seed ${seed}`);
  return input;
}

/** The command that runs exactly that one input again, under the same deadline. */
export function replayCommand(target: string, seed: number, index: number): string {
  return `npm run fuzz -- --target ${shellQuote(target)} --seed ${seed} --replay-index ${index}`;
}

function shellQuote(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
