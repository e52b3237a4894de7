// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ID, signPair } from "@/components/test-support/signed-tokens";
import { PastePanel } from "./paste-panel";

async function paste(text: string) {
  const user = userEvent.setup();
  render(<PastePanel />);
  await user.click(screen.getByRole("textbox", { name: "Token or request" }));
  await user.paste(text);
  return user;
}

describe("PastePanel", () => {
  // The page checks a pasted Cognito token's signature at once; these tests stay off the network.
  beforeEach(() => {
    vi.stubGlobal("fetch", vi.fn(async () => {
      throw new Error("offline in tests");
    }));
    return () => vi.unstubAllGlobals();
  });

  it("compares the ID and access token of a pasted sign-in result, each named by kind and by where it was found", async () => {
    const { id, access } = await signPair();
    await paste(JSON.stringify({ AuthenticationResult: { AccessToken: access, IdToken: id, TokenType: "Bearer" } }));
    const table = screen.getByRole("table", { name: "Claims" });
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent?.replace(/Copy$/, ""));
    expect(headers).toEqual([
      "Field",
      "access token (JSON field AuthenticationResult.AccessToken)",
      "ID token (JSON field AuthenticationResult.IdToken)",
      "Meaning",
    ]);
    const clientRow = within(table).getByRole("rowheader", { name: "client_id" }).closest("tr")!;
    expect(clientRow).toHaveTextContent(CLIENT_ID);
    expect(clientRow).toHaveTextContent("only in the access token (JSON field AuthenticationResult.AccessToken)");
    // The authorizer checks load once a token is pasted.
    expect(await screen.findByRole("heading", { name: "Will this token pass?" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    // The status strip: each token's kind, and its signature, here not verifiable (no keys).
    expect(await screen.findByRole("region", { name: /^Status of the access token/ }, { timeout: 5000 })).toHaveTextContent("access token · Cognito user pool");
    // Both tokens of the pair: ID and access.
    expect(await screen.findAllByText(/signature not verified \(/, {}, { timeout: 3000 })).toHaveLength(2);
  });

  it("reads a token from an Authorization line", async () => {
    const { access } = await signPair();
    await paste(`Authorization: Bearer ${access}`);
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent?.replace(/Copy$/, ""));
    expect(headers).toEqual(["Field", "access token (Authorization header)", "Meaning"]);
    expect(screen.getByRole("rowheader", { name: "scope" }).closest("tr")).toHaveTextContent("aws.cognito.signin.user.admin");
  });

  it("says why a paste is not a token, and shows no table", async () => {
    await paste("eyJhbGciOiJSUzI1NiJ9.not-json.c2ln");
    expect(screen.getByRole("alert")).toHaveTextContent(/^pasted token: segment 2 \(payload\)/);
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("empties the comparison, with no complaint, when the paste is cleared", async () => {
    const { access } = await signPair();
    const user = await paste(access);
    expect(screen.getByRole("table", { name: "Claims" })).toBeInTheDocument();
    await user.clear(screen.getByRole("textbox", { name: "Token or request" }));
    expect(screen.queryByRole("table", { name: "Claims" })).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
