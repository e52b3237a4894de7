// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { TestCallResult } from "@/lib/test-calls/types";
import { TestCallDetail } from "./test-call-detail";

const REFUSED: TestCallResult = {
  outcome: "fail",
  summary: "401 UnauthorizedException: Permission denied",
  status: 401,
  latencyMs: 57,
  path: "relay",
  diagnosis: { id: "appsync-role-wrong-resource", title: "The role allows another API", cause: "The role's appsync:GraphQL statement names another API." },
  detail: {
    request: "POST /graphql HTTP/1.1\nauthorization: AWS4-HMAC-SHA256 Credential=ASIA…/redacted",
    command: "curl -X POST https://example.appsync-api.us-east-1.amazonaws.com/graphql",
    response: "HTTP/1.1 401\n{\"errors\":[]}",
    notes: ["Signed with the identity pool's credentials."],
  },
};

describe("CellDetail", () => {
  it("is a dialog named for the cell, with the summary, the time and the way the call went", () => {
    render(<TestCallDetail title="AppSync HTTP with IAM" result={REFUSED} onClose={() => {}} />);
    const dialog = screen.getByRole("dialog", { name: "AppSync HTTP with IAM" });
    expect(within(dialog).getByRole("heading", { name: "AppSync HTTP with IAM" })).toBeInTheDocument();
    expect(dialog).toHaveTextContent("401 UnauthorizedException: Permission denied");
    expect(dialog).toHaveTextContent("57 ms · through the dashboard's relay");
    expect(within(dialog).getByText("Signed with the identity pool's credentials.")).toBeInTheDocument();
  });

  it("shows the request, the command line and the answer, each with its own copy button", () => {
    render(<TestCallDetail title="AppSync HTTP with IAM" result={REFUSED} onClose={() => {}} />);
    expect(screen.getByLabelText("Request")).toHaveTextContent("POST /graphql HTTP/1.1");
    expect(screen.getByLabelText("Command")).toHaveTextContent("curl -X POST");
    expect(screen.getByLabelText("Response")).toHaveTextContent("HTTP/1.1 401");
    for (const name of ["Copy request", "Copy command", "Copy response"]) expect(screen.getByRole("button", { name })).toBeInTheDocument();
  });

  it("leaves out the parts a cell has not got", () => {
    render(<TestCallDetail title="AppSync HTTP with ID token" result={{ outcome: "pass", summary: "200 OK", path: "browser" }} onClose={() => {}} />);
    expect(screen.getByRole("dialog")).toHaveTextContent("from this browser");
    expect(screen.queryByLabelText("Request")).toBeNull();
    expect(screen.queryByRole("button", { name: /^Copy/ })).toBeNull();
    expect(screen.queryByText(/Likely cause/)).toBeNull();
    expect(screen.queryByText("Not confirmed")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("names the likely cause and links to its fix", () => {
    render(<TestCallDetail title="AppSync HTTP with IAM" result={REFUSED} onClose={() => {}} />);
    expect(screen.getByText("Likely cause: The role allows another API")).toBeInTheDocument();
    expect(screen.getByText("The role's appsync:GraphQL statement names another API.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "How to fix it" })).toHaveAttribute("href", "/diagnose#appsync-role-wrong-resource");
  });

  it("says why: the answer's words that matched and the cell's own context", async () => {
    const { withDiagnosis } = await import("./diagnose-test-call");
    const diagnosed = withDiagnosis({ row: "appsync-http", column: "iam" }, { ...REFUSED, diagnosis: undefined, errorType: "UnauthorizedException", message: "Permission denied" });
    render(<TestCallDetail title="AppSync HTTP with IAM" result={diagnosed} onClose={() => {}} />);
    expect(screen.getByText(/Likely cause: AppSync IAM mode/)).toBeInTheDocument();
    expect(screen.getByText("Why this cause")).toBeInTheDocument();
    expect(screen.getByText(/signed with IAM credentials/)).toBeInTheDocument();
  });

  it("labels an answer no public source confirms as Not confirmed, saying what is unconfirmed", () => {
    render(<TestCallDetail title="AgentCore runtime with ID token" result={{ ...REFUSED, unconfirmed: "wording" }} onClose={() => {}} />);
    const note = screen.getByText("Not confirmed").parentElement!;
    expect(note).toHaveTextContent("(wording not confirmed)");
    expect(note).toHaveTextContent("rely on the status and the cause, not on the exact text");
  });

  it("offers the relay for a call the browser refused, and runs it when pressed", async () => {
    const user = userEvent.setup();
    const onRelay = vi.fn();
    const blocked: TestCallResult = { outcome: "blocked", summary: "The browser refused the call (CORS)", relayAvailable: true };
    render(<TestCallDetail title="AgentCore runtime with IAM" result={blocked} onClose={() => {}} onRelay={onRelay} />);
    await user.click(screen.getByRole("button", { name: "Re-run through the relay" }));
    expect(onRelay).toHaveBeenCalledTimes(1);
  });

  it("offers no relay where the page has none to give", () => {
    const blocked: TestCallResult = { outcome: "blocked", summary: "The browser refused the call (CORS)", relayAvailable: true };
    render(<TestCallDetail title="AgentCore runtime with IAM" result={blocked} onClose={() => {}} />);
    expect(screen.queryByRole("button", { name: "Re-run through the relay" })).toBeNull();
  });

  it("links to CloudTrail when it can tell whether the role was assumed", () => {
    render(<TestCallDetail title="AppSync HTTP with IAM" result={REFUSED} onClose={() => {}} cloudTrailHref="/cloudtrail?at=2026-01-01T00%3A00%3A00Z" />);
    expect(screen.getByRole("link", { name: "Check CloudTrail" })).toHaveAttribute("href", "/cloudtrail?at=2026-01-01T00%3A00%3A00Z");
  });

  it("closes by its Close button, from the keyboard too", async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<TestCallDetail title="AppSync HTTP with IAM" result={REFUSED} onClose={onClose} />);
    screen.getByRole("button", { name: "Close" }).focus();
    await user.keyboard("{Enter}");
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("copies the command with the credentials only after the user asks and is warned, and never shows them", async () => {
    const user = userEvent.setup();
    const withKey: TestCallResult = { ...REFUSED, detail: { command: 'curl -sS -i -N -X POST https://x/graphql \\\n  -H "x-api-key: $API_KEY"' } };
    render(<TestCallDetail title="AppSync HTTP with API key" result={withKey} onClose={() => {}} credentials={{ apiKey: "da2-abcdefghijklmnopqrstuvwxyz" }} />);
    expect(screen.getByRole("dialog")).toHaveTextContent("Reads $API_KEY from the shell");
    expect(screen.queryByRole("alert")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Copy with my credentials…" }));
    expect(screen.getByRole("alert")).toHaveTextContent("live credentials (API_KEY)");
    await user.click(screen.getByRole("button", { name: "Copy the command with my credentials" }));
    expect(await navigator.clipboard.readText()).toBe(
      "# Holds live credentials: paste it into a shell, do not save or share it.\nexport API_KEY=da2-abcdefghijklmnopqrstuvwxyz\n" + withKey.detail!.command,
    );
    expect(document.body).not.toHaveTextContent("da2-abcdefghijklmnopqrstuvwxyz");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says so when the run's credentials are gone, and copies nothing", async () => {
    const user = userEvent.setup();
    const withToken: TestCallResult = { ...REFUSED, detail: { command: 'curl -H "authorization: $ACCESS_TOKEN" https://x' } };
    render(<TestCallDetail title="AppSync HTTP with access token" result={withToken} onClose={() => {}} />);
    await user.click(screen.getByRole("button", { name: "Copy with my credentials…" }));
    expect(screen.getByRole("dialog")).toHaveTextContent("run the calls again");
    expect(screen.queryByRole("button", { name: "Copy the command with my credentials" })).toBeNull();
  });
});
