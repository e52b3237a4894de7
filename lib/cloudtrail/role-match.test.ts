import { describe, expect, it } from "vitest";
import { sameRole } from "./role-match";

describe("sameRole", () => {
  it.each([
    ["arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/app", true],
    ["arn:aws:iam::111122223333:role/migrated-app-authenticated-role", "arn:aws:iam::111122223333:role/service-role/migrated-app-authenticated-role", true],
    ["arn:aws:iam::111122223333:role/app", "arn:aws:iam::444455556666:role/app", false],
    ["arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/app-unauth", false],
    ["arn:aws:iam::111122223333:role/app", undefined, false],
    ["not an arn", "not an arn", true],
    ["not an arn", "arn:aws:iam::111122223333:role/app", false],
  ])("%s ~ %s → %s", (a, b, same) => expect(sameRole(a, b ?? undefined)).toBe(same));
});
