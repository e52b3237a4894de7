import { parseArgs } from "node:util";
import { startSandbox } from "../sandbox/server";
import { loadCases } from "./load-cases";
import { runCase, type CaseResult } from "./run-case";
import { ScenarioContext } from "./scenario-context";
import { summarize } from "./summary";

/**
 * `npm run conformance`: starts a fresh sandbox on a free loopback port, replays every case of
 * conformance/cases against it with outside clients, runs the dashboard's predictions on the
 * same cases, and prints one line per failure and `N passed, N failed` last.
 *   --filter TEXT   only cases whose id contains TEXT
 *   --verbose       one line per case, passed ones too, with the answer of failed ones
 */

// The runner is a test tool: the SDK's Node-version notice would only bury the results.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const { values } = parseArgs({ options: { filter: { type: "string" }, verbose: { type: "boolean", default: false } } });

const cases = (await loadCases()).filter((c) => !values.filter || c.id.includes(values.filter));
const sandbox = await startSandbox({ port: 0 });
const contexts = new Map(sandbox.scenarios.map((s) => [s.name, new ScenarioContext(sandbox.url, s)]));
const results: CaseResult[] = [];
try {
  // One at a time: cases that set faults change the whole sandbox for their duration.
  for (const c of cases) {
    const ctx = contexts.get(c.scenario);
    const result = ctx ? await runCase(c, ctx) : { case: c, ok: false, problems: [`no sandbox scenario named ${c.scenario}`] };
    results.push(result);
    if (!result.ok || values.verbose) {
      console.log(`${result.ok ? "ok  " : "FAIL"} ${c.id} [${c.confidence}] ${c.title}`);
      for (const p of result.problems) console.log(`       ${p}`);
      if (!result.ok && values.verbose && result.answer) console.log(`       answer: ${result.answer.status} ${result.answer.text.slice(0, 400)}`);
    }
  }
} finally {
  await sandbox.close();
}
console.log(summarize(results));
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
