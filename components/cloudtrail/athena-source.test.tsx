// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AthenaSource } from "./athena-source";
import type { AthenaState } from "./use-athena";

const failure = { at: "2025-02-24T14:15:40Z", identityId: "ap-northeast-1:a3b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d", accessKeyId: "ASIA5NBR5LH3GUDX65GT" };
const idle: AthenaState = { status: "idle" };

function renderSource(props: Partial<Parameters<typeof AthenaSource>[0]> = {}) {
  const onRun = vi.fn();
  render(<AthenaSource defaultRegion="ap-northeast-1" serverMode={false} sandboxReader={false} failures={[failure]} state={idle} onRun={onRun} onCancel={() => undefined} {...props} />);
  return { onRun, form: screen.getByRole("form", { name: "Query CloudTrail with Athena" }) };
}

describe("AthenaSource", () => {
  it("shows the query it will run, for the console, bounded by the partitions typed in", async () => {
    const user = userEvent.setup();
    const { form } = renderSource();
    await user.clear(within(form).getByLabelText("Table"));
    await user.type(within(form).getByLabelText("Table"), "org_trail");
    await user.type(within(form).getByLabelText("Accounts (partition filter)"), "111122223333, 444455556666");
    const sql = form.querySelector("[data-athena-sql]")!.textContent!;
    expect(sql).toContain("FROM default.org_trail");
    expect(sql).toContain("account IN ('111122223333', '444455556666')");
    expect(sql).toContain(`'${failure.identityId}'`);
    expect(within(form).getByRole("button", { name: "Copy SQL" })).toBeVisible();
  });

  it("names an input the query cannot take instead of offering SQL", async () => {
    const user = userEvent.setup();
    const { form } = renderSource();
    await user.type(within(form).getByLabelText("Accounts (partition filter)"), "12345");
    expect(form.querySelector("[data-athena-sql-error]")).toHaveTextContent("must be a 12-digit account id");
    expect(within(form).queryByRole("button", { name: "Copy SQL" })).toBeNull();
    expect(within(form).getByRole("button", { name: "Run Athena query" })).toBeDisabled();
  });

  it("runs with pasted keys only once both are given, and hands over the settings", async () => {
    const user = userEvent.setup();
    const { form, onRun } = renderSource();
    const run = within(form).getByRole("button", { name: "Run Athena query" });
    expect(run).toBeDisabled();
    await user.type(within(form).getByLabelText("Access key id"), "AKIAEXAMPLEATHENA001");
    await user.type(within(form).getByLabelText("Secret access key"), "athenaSecretEXAMPLE00000001");
    await user.type(within(form).getByLabelText("Workgroup"), "primary");
    await user.click(run);
    expect(onRun).toHaveBeenCalledWith(expect.objectContaining({ region: "ap-northeast-1", database: "default", table: "cloudtrail_logs", workgroup: "primary", lookBackMinutes: 15, credentials: { mode: "pasted", accessKeyId: "AKIAEXAMPLEATHENA001", secretAccessKey: "athenaSecretEXAMPLE00000001" } }));
  });

  it("offers the sandbox's reader where there is one, with no keys to type", async () => {
    const user = userEvent.setup();
    const { form, onRun } = renderSource({ sandboxReader: true, endpoint: "http://127.0.0.1:4577/athena" });
    expect(form).toHaveTextContent("Endpoint: http://127.0.0.1:4577/athena");
    await user.click(within(form).getByLabelText(/Use the sandbox's CloudTrail reader/));
    await user.click(within(form).getByRole("button", { name: "Run Athena query" }));
    expect(onRun).toHaveBeenCalledWith(expect.objectContaining({ credentials: { mode: "sandbox" } }));
  });

  it("shows the query's state and data scanned while it runs", () => {
    const { form } = renderSource({ state: { status: "running", state: "RUNNING", dataScannedBytes: 3 * 2 ** 20, rows: 0, elapsedMs: 1200 } });
    expect(form.querySelector("[data-athena-status=running]")).toHaveTextContent("Query running… 3.0 MB scanned, 1.2 s");
    expect(within(form).getByRole("button", { name: "Run Athena query" })).toBeDisabled();
  });

  it("says when it is done: rows, bytes, billed size and cost", () => {
    renderSource({ state: { status: "done", dataScannedBytes: 2048, rows: 4, elapsedMs: 900, truncated: false, queryExecutionId: "q", sql: "SELECT 1", at: 0 } });
    expect(screen.getByText(/Query succeeded/)).toHaveTextContent("Query succeeded: 4 row(s), 2.0 KB scanned (2048 bytes; billed as 10.0 MB, ≈ $0.000048 at $5/TB), 0.9 s.");
  });
});
