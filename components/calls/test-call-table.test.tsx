// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { TestCallMap, type TestCallKey, type TestCallResult, type TestCallAxis } from "@/lib/test-calls/types";
import { TestCallDetail } from "./test-call-detail";
import { TestCallTable } from "./test-call-table";

const ROWS: TestCallAxis[] = [
  { id: "appsync-http", label: "AppSync HTTP" },
  { id: "appsync-realtime", label: "AppSync realtime" },
];
const COLUMNS: TestCallAxis[] = [
  { id: "id-token", label: "ID token", group: "as aws-amplify sends it" },
  { id: "iam", label: "IAM (identity pool)" },
  { id: "api-key", label: "API key" },
];

const key = (row: string, column: string): TestCallKey => ({ row, column });
const RESULTS = new TestCallMap<TestCallResult>([
  [key("appsync-http", "id-token"), { outcome: "pass", summary: "200 OK", status: 200, latencyMs: 42, path: "browser" }],
  [
    key("appsync-http", "iam"),
    {
      outcome: "fail",
      summary: "401 UnauthorizedException: Permission denied",
      status: 401,
      latencyMs: 57,
      unconfirmed: "wording",
      diagnosis: { id: "appsync-role-wrong-resource", title: "The role allows another API", cause: "The role's appsync:GraphQL statement names another API." },
      detail: { request: "POST /graphql HTTP/1.1", response: "HTTP/1.1 401" },
    },
  ],
  [key("appsync-realtime", "id-token"), { outcome: "running", summary: "", startedAt: Date.now() - 2_000 }],
  [key("appsync-realtime", "iam"), { outcome: "blocked", summary: "The browser refused the call (CORS)", path: "browser", relayAvailable: true }],
]);
const EXISTING = new TestCallMap<true>([...[...RESULTS].map(([k]) => [k, true] as const), [key("appsync-realtime", "api-key"), true]]);
const exists = (k: TestCallKey) => EXISTING.has(k);

function renderTable(props: { onOpen?: (k: TestCallKey) => void; onCancel?: (k: TestCallKey) => void } = {}) {
  return render(
    <TestCallTable label="AppSync test calls" rows={ROWS} columns={COLUMNS} results={RESULTS} exists={exists} onOpen={props.onOpen ?? (() => {})} onCancel={props.onCancel} />,
  );
}

/** The table and the detail wired as the Test calls page wires them: a cell opens its exchange. */
function TableWithDetail() {
  const [open, setOpen] = useState<TestCallKey | null>(null);
  const titles = new TestCallMap(ROWS.flatMap((r) => COLUMNS.map((c) => [key(r.id, c.id), `${r.label} with ${c.label}`] as const)));
  const result = open ? RESULTS.get(open) : undefined;
  return (
    <>
      <TestCallTable label="AppSync test calls" rows={ROWS} columns={COLUMNS} results={RESULTS} exists={exists} onOpen={setOpen} />
      {open && result && <TestCallDetail title={titles.get(open)!} result={result} onClose={() => setOpen(null)} />}
    </>
  );
}

describe("a run just clicked", () => {
  it("shows every cell of the run as queued, none of them openable yet", () => {
    const queued = new TestCallMap<TestCallResult>([...EXISTING].map(([k]) => [k, { outcome: "queued", summary: "Queued" }] as const));
    render(<TestCallTable label="AppSync test calls" rows={ROWS} columns={COLUMNS} results={queued} exists={exists} onOpen={() => {}} />);
    const table = screen.getByRole("table", { name: "AppSync test calls" });
    expect(within(table).getAllByText("queued")).toHaveLength(EXISTING.size);
    expect(within(table).queryAllByRole("button")).toHaveLength(0);
  });
});

describe("TestCallTable", () => {
  it("is a named table with the credentials as column headers and the ways of calling as row headers", () => {
    renderTable();
    const table = screen.getByRole("table", { name: "AppSync test calls" });
    const columns = within(table).getAllByRole("columnheader");
    expect(columns).toHaveLength(4);
    expect(columns[1]).toHaveTextContent(/^as aws-amplify sends it\s*ID token$/);
    expect(columns.slice(2).map((h) => h.textContent)).toEqual(["IAM (identity pool)", "API key"]);
    expect(within(table).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["AppSync HTTP", "AppSync realtime"]);
  });

  it("names each cell by its row, its column and what it shows, as a screen reader reads it", () => {
    renderTable();
    expect(screen.getByRole("button", { name: "AppSync HTTP, ID token: accepted 200 42 ms 200 OK" })).toBeEnabled();
    expect(
      screen.getByRole("button", {
        name: "AppSync HTTP, IAM (identity pool): refused 401 57 ms 401 UnauthorizedException: Permission denied Wording not confirmed → The role allows another API",
      }),
    ).toBeEnabled();
    expect(screen.getByRole("button", { name: "AppSync realtime, IAM (identity pool): blocked by the browser The browser refused the call (CORS)" })).toBeEnabled();
  });

  it("shows the outcome, status, time, likely cause and an unconfirmed answer on the cell itself", () => {
    renderTable();
    const accepted = screen.getByRole("button", { name: /^AppSync HTTP, ID token:/ });
    expect(accepted).toHaveTextContent("accepted");
    expect(accepted).toHaveTextContent("200 42 ms");
    expect(accepted).not.toHaveTextContent("Wording not confirmed");

    const refused = screen.getByRole("button", { name: /^AppSync HTTP, IAM/ });
    expect(refused).toHaveTextContent("refused");
    expect(refused).toHaveTextContent("401 57 ms");
    expect(refused).toHaveTextContent("Wording not confirmed");
    expect(refused).toHaveTextContent("→ The role allows another API");
  });

  it("marks a combination that does not apply with a dash, and a cell not run yet as not clickable", () => {
    renderTable();
    const httpRow = screen.getByRole("rowheader", { name: "AppSync HTTP" }).closest("tr")!;
    const testCalls = within(httpRow).getAllByRole("cell");
    expect(testCalls[2]).toHaveTextContent("—");
    expect(within(testCalls[2]!).queryByRole("button")).toBeNull();
    expect(screen.getByRole("button", { name: /^AppSync realtime, API key: not run yet$/ })).toBeDisabled();
  });

  it("opens a cell by click, Enter and Space, and never a cell not run yet", async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    renderTable({ onOpen });
    await user.click(screen.getByRole("button", { name: /^AppSync HTTP, IAM/ }));
    expect(onOpen).toHaveBeenLastCalledWith(key("appsync-http", "iam"));

    screen.getByRole("button", { name: /^AppSync HTTP, ID token/ }).focus();
    await user.keyboard("{Enter}");
    expect(onOpen).toHaveBeenLastCalledWith(key("appsync-http", "id-token"));

    screen.getByRole("button", { name: /^AppSync realtime, IAM/ }).focus();
    await user.keyboard(" ");
    expect(onOpen).toHaveBeenLastCalledWith(key("appsync-realtime", "iam"));
    expect(onOpen).toHaveBeenCalledTimes(3);

    await user.click(screen.getByRole("button", { name: /^AppSync realtime, API key/ }));
    expect(onOpen).toHaveBeenCalledTimes(3);
  });

  it("shows a running cell's wait and lets it be cancelled by name", async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    renderTable({ onCancel });
    const running = screen.getByRole("button", { name: "Cancel AppSync realtime, ID token" });
    expect(running.parentElement).toHaveTextContent(/running\s*\d+\.\d s/);
    await user.click(running);
    expect(onCancel).toHaveBeenCalledWith(key("appsync-realtime", "id-token"));
  });

  it("offers no Cancel where the page cannot cancel", () => {
    renderTable();
    expect(screen.queryByRole("button", { name: /^Cancel/ })).toBeNull();
    expect(screen.getByRole("table")).toHaveTextContent("running");
  });
});

describe("TestCallTable with its cell detail", () => {
  it("reaches a cell with Tab, opens its exchange with Enter, and closes it", async () => {
    const user = userEvent.setup();
    render(<TableWithDetail />);
    expect(screen.queryByRole("dialog")).toBeNull();

    await user.tab();
    expect(screen.getByRole("button", { name: /^AppSync HTTP, ID token/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("button", { name: /^AppSync HTTP, IAM/ })).toHaveFocus();
    await user.keyboard("{Enter}");

    const dialog = screen.getByRole("dialog", { name: "AppSync HTTP with IAM (identity pool)" });
    expect(within(dialog).getByText("Not confirmed")).toBeInTheDocument();
    expect(within(dialog).getByText("Likely cause: The role allows another API")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Response")).toHaveTextContent("HTTP/1.1 401");

    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("moves the focus into the opened exchange, and Esc gives it back to the cell", async () => {
    const user = userEvent.setup();
    render(<TableWithDetail />);
    const cell = screen.getByRole("button", { name: /^AppSync HTTP, IAM/ });
    await user.click(cell);
    expect(screen.getByRole("dialog")).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(cell).toHaveFocus();
  });

  it("opens the exchange of the cell pressed with Space", async () => {
    const user = userEvent.setup();
    render(<TableWithDetail />);
    screen.getByRole("button", { name: /^AppSync realtime, IAM/ }).focus();
    await user.keyboard(" ");
    const dialog = screen.getByRole("dialog", { name: "AppSync realtime with IAM (identity pool)" });
    expect(within(dialog).getByTestId("cell-summary")).toHaveTextContent("The browser refused the call (CORS)");
    expect(within(dialog).queryByText("Not confirmed")).toBeNull();
  });
});
