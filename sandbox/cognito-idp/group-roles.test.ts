import { describe, expect, it } from "vitest";
import { groupRoleClaims } from "./group-roles";
import type { PoolRecord, UserRecord } from "./store";

const role = (name: string) => `arn:aws:iam::111122223333:role/${name}`;
const pool = (groups: Record<string, { roleArn?: string; precedence?: number }>) => ({ groups: new Map(Object.entries(groups)) }) as unknown as PoolRecord;
const user = (...groups: string[]) => ({ groups }) as unknown as UserRecord;

describe("groupRoleClaims", () => {
  const groups = pool({
    admins: { roleArn: role("admin"), precedence: 0 },
    editors: { roleArn: role("editor"), precedence: 1 },
    viewers: { roleArn: role("viewer"), precedence: 1 },
    mirrors: { roleArn: role("editor"), precedence: 1 },
    unranked: { roleArn: role("unranked") },
    plain: {},
  });

  it("prefers the role of the lowest precedence", () => {
    expect(groupRoleClaims(groups, user("editors", "admins"))).toEqual({ roles: [role("editor"), role("admin")], preferred: role("admin") });
  });

  it("sets no preferred role when the best precedence is shared by different roles", () => {
    expect(groupRoleClaims(groups, user("editors", "viewers"))).toEqual({ roles: [role("editor"), role("viewer")] });
  });

  it("still prefers a role two groups at the same precedence share", () => {
    expect(groupRoleClaims(groups, user("editors", "mirrors"))).toEqual({ roles: [role("editor")], preferred: role("editor") });
  });

  it("ranks a group without precedence after every group with one", () => {
    expect(groupRoleClaims(groups, user("unranked", "viewers")).preferred).toBe(role("viewer"));
  });

  it("leaves both claims out for groups without roles", () => {
    expect(groupRoleClaims(groups, user("plain"))).toEqual({ roles: [] });
  });
});
