import { beforeAll, describe, expect, it } from "vitest";
import { compareTokens, type CompareRow } from "./compare";
import { decodeToken, type DecodedToken } from "./decode";
import { createFakePool, type FakePool } from "./test-support/cognito-tokens";

let pool: FakePool;
let id: DecodedToken;
let access: DecodedToken;
beforeAll(async () => {
  pool = await createFakePool();
  id = decodeToken(await pool.id());
  access = decodeToken(await pool.access());
});

const row = (rows: CompareRow[], section: CompareRow["section"], name: string) =>
  rows.find((r) => r.section === section && r.name === name);

describe("compareTokens", () => {
  it("a claim a V1_0 trigger wrote into the ID token only is flagged as unseen by whatever reads the access token", async () => {
    const withTenant = decodeToken(await pool.id({ tenant_id: "acme" }));
    const rows = compareTokens(withTenant, access);
    expect(row(rows, "claims", "tenant_id")).toMatchObject({ status: "onlyA", note: expect.stringMatching(/V1_0 pre token generation trigger.*V2_0 or V3_0/) });
    // Cognito's own ID-token claims keep their own explanation.
    expect(row(rows, "claims", "aud")?.note).toMatch(/Expected between an ID and an access token/);
  });

  it("ID vs access of one sign-in: kid differs, and that is normal", () => {
    const rows = compareTokens(id, access);
    expect(row(rows, "header", "kid")).toMatchObject({ status: "different", note: expect.stringMatching(/Normal: Cognito signs ID and access tokens with different keys/) });
    expect(row(rows, "header", "alg")).toMatchObject({ status: "same", a: "RS256", b: "RS256" });
    expect(row(rows, "claims", "aud")).toMatchObject({ status: "onlyA", b: null });
    expect(row(rows, "claims", "client_id")).toMatchObject({ status: "onlyB", a: null });
    expect(row(rows, "claims", "event_id")).toMatchObject({ status: "same", note: expect.stringMatching(/issued together/) });
    expect(row(rows, "claims", "token_use")).toMatchObject({ status: "different", a: "id", b: "access" });
    expect(row(rows, "claims", "cognito:groups")).toMatchObject({ status: "same", a: '["support"]' });
  });

  it("two tokens from different pools: kid and iss differences are called out", async () => {
    const other = await createFakePool("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other999");
    const rows = compareTokens(id, decodeToken(await other.id()));
    expect(row(rows, "header", "kid")?.note).toMatch(/different pools/);
    expect(row(rows, "claims", "iss")).toMatchObject({ status: "different", note: expect.stringMatching(/different user pools/) });
  });

  it("per-issuance claims are marked as such", async () => {
    const later = decodeToken(await pool.id({ jti: "id-jti-2" }, { iat: 1_700_000_000 }));
    const rows = compareTokens(id, later);
    expect(row(rows, "claims", "jti")).toMatchObject({ status: "different", note: "Differs on every issuance." });
    expect(row(rows, "claims", "exp")?.note).toBe("Differs on every issuance.");
  });
});
