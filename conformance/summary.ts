import type { CaseResult } from "./run-case";
import { CONFIDENCE, SURFACES } from "./schema";

/** The run's table: cases per surface and confidence, then the closing `N passed, N failed` line. */
export function summarize(results: readonly CaseResult[]): string {
  const lines = ["", `${"surface".padEnd(20)}${CONFIDENCE.map((c) => c.padStart(12)).join("")}${"failed".padStart(8)}`];
  for (const surface of SURFACES) {
    const of = results.filter((r) => r.case.surface === surface);
    if (of.length === 0) continue;
    const counts = CONFIDENCE.map((c) => String(of.filter((r) => r.case.confidence === c).length).padStart(12)).join("");
    lines.push(`${surface.padEnd(20)}${counts}${String(of.filter((r) => !r.ok).length).padStart(8)}`);
  }
  const passed = results.filter((r) => r.ok).length;
  lines.push("", `${passed} passed, ${results.length - passed} failed`);
  return lines.join("\n");
}
