// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Check } from "@/lib/tokens/checks";
import { CheckTable } from "./check-table";

const CHECKS: Check[] = [
  { name: "signature", status: "pass", actual: "RS256, kid id-key", expected: null, message: "Signed by a key in the issuer's JWKS." },
  { name: "client_id", status: "fail", actual: null, expected: "1example23456789abcdefghij", message: "The token carries no client_id." },
  { name: "scope", status: "n/a", actual: null, expected: null, message: "No scopes configured." },
];

describe("CheckTable", () => {
  it("is a table named by its label, one row per check with its result, values and meaning", () => {
    render(<CheckTable checks={CHECKS} label="Verification: access token checks" />);
    const table = screen.getByRole("table", { name: "Verification: access token checks" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Check", "Result", "Actual", "Expected", "Meaning"]);
    expect(within(table).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["signature", "client_id", "scope"]);

    const failed = within(within(table).getByRole("rowheader", { name: "client_id" }).closest("tr")!).getAllByRole("cell");
    expect(failed.map((c) => c.textContent)).toEqual(["fail", "—", "1example23456789abcdefghij", "The token carries no client_id."]);
    const passed = within(within(table).getByRole("rowheader", { name: "signature" }).closest("tr")!).getAllByRole("cell");
    expect(passed.map((c) => c.textContent)).toEqual(["pass", "RS256, kid id-key", "—", "Signed by a key in the issuer's JWKS."]);
  });
});
