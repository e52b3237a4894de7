// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { CLIENT_ID, ISSUER, POOL_ID, SUB, signPair } from "@/components/test-support/signed-tokens";
import { decodeToken } from "@/lib/tokens/decode";
import { formatUtc } from "@/lib/format/time";
import { ClaimsTable } from "./claims-table";

/**
 * The cells of one field's row: the first token's value, the second's (when two), the meaning.
 * A header field reads "header.kid"; happy-dom's name computation puts a space after the dot.
 */
function row(name: string | RegExp) {
  const tr = screen.getByRole("rowheader", { name }).closest("tr")!;
  return within(tr).getAllByRole("cell");
}

async function renderPair(issuedSecondsAgo = 0) {
  const { id, access } = await signPair(issuedSecondsAgo);
  render(<ClaimsTable tokens={[decodeToken(id), decodeToken(access)]} labels={["ID token", "Access token"]} />);
  return { id, access };
}

describe("ClaimsTable comparing an ID and an access token", () => {
  it("puts both tokens side by side under their names, with a meaning column", async () => {
    await renderPair();
    const table = screen.getByRole("table", { name: "Claims" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent?.replace(/Copy$/, ""))).toEqual(["Field", "ID token", "Access token", "Meaning"]);
    const sameInBoth = row("sub");
    expect(sameInBoth[0]).toHaveTextContent(SUB);
    expect(sameInBoth[1]).toHaveTextContent(SUB);
    expect(sameInBoth[2]).toHaveTextContent("The user's stable, unique id in the pool");
    expect(sameInBoth[2]).not.toHaveTextContent("only in the");
  });

  it("shows aud only in the ID token and client_id only in the access token, and says why", async () => {
    await renderPair();
    const [idAud, accessAud, audMeaning] = row("aud");
    expect(idAud).toHaveTextContent(CLIENT_ID);
    expect(accessAud).toHaveTextContent(/^absent$/);
    expect(audMeaning).toHaveTextContent("Audience: the app client id. Only in ID tokens; access tokens carry client_id instead.");
    expect(audMeaning).toHaveTextContent("only in the ID token");

    const [idClient, accessClient, clientMeaning] = row("client_id");
    expect(idClient).toHaveTextContent(/^absent$/);
    expect(accessClient).toHaveTextContent(CLIENT_ID);
    expect(clientMeaning).toHaveTextContent("only in the Access token");
    expect(clientMeaning).toHaveTextContent("Expected between an ID and an access token");
  });

  it("explains the differences that are normal between the two kinds", async () => {
    await renderPair();
    const [idKid, accessKid, kidMeaning] = row(/^header\.\s?kid$/);
    expect(idKid).toHaveTextContent("id-key");
    expect(accessKid).toHaveTextContent("access-key");
    expect(kidMeaning).toHaveTextContent("Normal: Cognito signs ID and access tokens with different keys.");

    const [idUse, accessUse, useMeaning] = row("token_use");
    expect(idUse).toHaveTextContent(/^id/);
    expect(accessUse).toHaveTextContent(/^access/);
    expect(useMeaning).toHaveTextContent("One ID token and one access token.");

    expect(row("jti")[2]).toHaveTextContent("Differs on every issuance.");
    expect(row("event_id")[2]).toHaveTextContent("Same authentication event: issued together.");
  });

  it("reads the issuer: which pool, which region, which issuer form", async () => {
    await renderPair();
    const [idIss, , meaning] = row("iss");
    expect(idIss).toHaveTextContent(ISSUER);
    expect(meaning).toHaveTextContent(`Issuer: user pool ${POOL_ID} in eu-west-1. The ORIGINAL issuer (cognito-idp)`);
  });

  it("shows times as dates, and an expired token as expired", async () => {
    const { id } = await renderPair(2 * 3600);
    const exp = decodeToken(id).claims.exp!;
    const [idExp, accessExp] = row("exp");
    expect(idExp).toHaveTextContent(formatUtc(exp));
    expect(idExp).toHaveTextContent("expired 1 h 0 min ago");
    expect(accessExp).toHaveTextContent("expired 1 h 0 min ago");
    expect(row("iat")[0]).toHaveTextContent("2 h 0 min ago");
  });

  it("copies a claim's value and a whole token", async () => {
    const user = userEvent.setup();
    const { access } = await renderPair();
    await user.click(within(row("client_id")[1]!).getByRole("button", { name: "Copy client_id" }));
    expect(await navigator.clipboard.readText()).toBe(CLIENT_ID);
    await user.click(screen.getByRole("button", { name: "Copy Access token" }));
    expect(await navigator.clipboard.readText()).toBe(access);
  });
});

describe("ClaimsTable with one token", () => {
  it("lists its claims with their meaning and no comparison", async () => {
    const { access } = await signPair(0);
    render(<ClaimsTable tokens={[decodeToken(access)]} labels={["Access token"]} />);
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent?.replace(/Copy$/, ""))).toEqual(["Field", "Access token", "Meaning"]);
    const [value, meaning] = row("scope");
    expect(value).toHaveTextContent("aws.cognito.signin.user.admin");
    expect(meaning).toHaveTextContent("OAuth scopes granted");
    expect(screen.queryByText(/only in the/)).toBeNull();
    expect(screen.queryByText("absent")).toBeNull();
    expect(screen.queryByRole("rowheader", { name: "aud" })).toBeNull();
  });

  it("says when a claim is out of place in this kind of token", async () => {
    const { id } = await signPair(0, { scope: "openid" });
    render(<ClaimsTable tokens={[decodeToken(id)]} labels={["ID token"]} />);
    expect(row("scope")[1]).toHaveTextContent("Unusual in an ID token: added by a pre-token-generation trigger, or the token is not from Cognito.");
  });
});
