import { diagnose } from "@/lib/diagnosis/engine";
import type { TestCallKey, TestCallResult } from "@/lib/test-calls/types";

/**
 * The known failure a refused cell most likely is, from everything the cell knows: which call
 * (row), which credential (column), the HTTP status, AWS's error type and message.
 */
export function withDiagnosis({ row, column }: TestCallKey, result: TestCallResult): TestCallResult {
  if (result.outcome === "pass" || result.outcome === "idle" || result.outcome === "running") return result;
  const [top] = diagnose({
    service: row,
    variant: column,
    status: result.status,
    errorType: result.errorType,
    message: result.message ?? result.summary,
    text: [result.summary, result.detail?.response?.slice(0, 4000)].filter(Boolean).join("\n"),
  });
  return top ? { ...result, diagnosis: { id: top.id, title: top.title, cause: top.cause } } : result;
}
