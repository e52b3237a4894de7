import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { AppError } from "../../lib/errors";
import { parseIdentityPoolRoles, predictRole, type IdentityPoolRoles } from "../../lib/identity/role-mapping";
import { readInput, selectToken } from "../input";
import { EXIT, UsageError } from "../io";
import type { Command } from "./command";

const usage = `Usage: auth-flow-debugger explain-role --mapping FILE [--id-token TOKEN|-] [--custom-role-arn ARN] [--json]

Which IAM role an identity pool gives this user in the enhanced flow (GetCredentialsForIdentity),
and why: the default authenticated role, the first matching rule of a Rules mapping, the token's
cognito:preferred_role, a CustomRoleArn among cognito:roles, or AmbiguousRoleResolution — and the
refusal when it is Deny. The order is the one the Cognito developer guide documents; answers no
public source confirms are marked "not confirmed".

  --mapping FILE          output of: aws cognito-identity get-identity-pool-roles --identity-pool-id ID
  --id-token TOKEN        the user pool ID token (or - / nothing to read it from stdin)
  --custom-role-arn ARN   predict with GetCredentialsForIdentity's CustomRoleArn
  --json                  {"outcome", "roleArn" | "refusal", "explanation", "rules"}

The basic flow (GetOpenIdToken + AssumeRoleWithWebIdentity) applies no mapping: the app names the role.

Exit codes: 0 a role is chosen, 1 the mapping refuses (no credentials), 2 bad input.
`;

async function readMapping(path: string): Promise<IdentityPoolRoles> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`--mapping ${path}: ${(error as Error).message}`);
  }
  try {
    return parseIdentityPoolRoles(text);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`--mapping ${path}: ${error.message}`);
    throw error;
  }
}

export const explainRoleCommand: Command = {
  name: "explain-role",
  summary: "which role an identity pool's role mapping gives an ID token, and why",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { mapping: { type: "string" }, "id-token": { type: "string" }, "custom-role-arn": { type: "string" }, json: { type: "boolean" } },
    });
    if (!values.mapping) throw new UsageError("--mapping FILE is required (get-identity-pool-roles output).");
    const roles = await readMapping(values.mapping);
    const { token } = selectToken(await readInput(values["id-token"] !== undefined ? [values["id-token"]] : positionals, io));
    const choice = predictRole(roles, token.claims as Record<string, unknown>, values["custom-role-arn"]);
    if (choice.outcome === "unknown") throw new UsageError(choice.explanation);
    if (values.json) {
      const out = {
        outcome: choice.outcome,
        ...(choice.outcome === "role" ? { roleArn: choice.roleArn, via: choice.via } : { reason: choice.reason, refusal: choice.refusal }),
        explanation: choice.explanation,
        rules: choice.rules.map((r) => ({ index: r.index + 1, ...r.rule, matched: r.matched, because: r.because, ...(r.unconfirmed ? { unconfirmed: r.unconfirmed } : {}) })),
        ...(choice.outcome === "role" && choice.unconfirmed ? { unconfirmed: choice.unconfirmed } : {}),
      };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      const lines = choice.outcome === "role" ? [`Role: ${choice.roleArn}`, `Why:  ${choice.explanation}`] : [`No credentials: ${choice.explanation}`, `AWS answers: ${choice.refusal.errorType}: ${choice.refusal.message}`];
      if (choice.outcome === "denied" && choice.refusal.unconfirmed) lines.push(`  (not confirmed: ${choice.refusal.unconfirmed})`);
      if (choice.outcome === "role" && choice.unconfirmed) lines.push(`  (not confirmed: ${choice.unconfirmed})`);
      if (choice.rules.length > 0) {
        lines.push("", "Rules, in order:");
        for (const r of choice.rules) lines.push(`  ${r.index + 1}. ${r.rule.Claim} ${r.rule.MatchType} ${JSON.stringify(r.rule.Value)} → ${r.rule.RoleARN}: ${r.matched ? "matches" : "no match"} (${r.because})${r.unconfirmed ? " [not confirmed]" : ""}`);
      }
      io.stdout(`${lines.join("\n")}\n`);
    }
    return choice.outcome === "role" ? EXIT.pass : EXIT.fail;
  },
};
