import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { FuzzTarget } from "./targets";
import { parseScenarioText, ScenarioError } from "../../sandbox/scenario";

// The scenario loader as a fuzz target: scenario files are written by hand (support staff
// reproducing a customer's setup), so every mistake must come back as a ScenarioError naming
// the field, never as a crash of the sandbox.

const DEMO = JSON.parse(readFileSync(new URL("../../sandbox/scenarios/demo.json", import.meta.url), "utf8")) as unknown;
const AGENTCORE = JSON.parse(readFileSync(new URL("../../sandbox/scenarios/agentcore-jwt.json", import.meta.url), "utf8")) as unknown;

type Path = (string | number)[];

/** Every place in a JSON document a value sits, object keys and array items alike. */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out);
  return out;
}

/** A valid scenario with one value anywhere in it replaced: the edits people actually make. */
function mutated(base: unknown): fc.Arbitrary<string> {
  const paths = pathsOf(base).filter((p) => p.length > 0);
  return fc.tuple(fc.nat(paths.length - 1), fc.jsonValue({ maxDepth: 2 }), fc.boolean()).map(([pick, value, remove]) => {
    const copy = structuredClone(base) as Record<string | number, unknown>;
    const path = paths[pick]!;
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (remove && !Array.isArray(parent)) delete parent[last];
    else parent[last] = value;
    return JSON.stringify(copy);
  });
}

export const SCENARIO_FUZZ_TARGET: FuzzTarget = {
  name: "scenario loader",
  inputs: fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), mutated(DEMO), mutated(AGENTCORE)),
  run: (input) => parseScenarioText(input, "fuzz.json"),
  expected: ScenarioError,
};

/** For the fuzz worker, which loads its targets from a module by this name. */
export const FUZZ_TARGETS: FuzzTarget[] = [SCENARIO_FUZZ_TARGET];
