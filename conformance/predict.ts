import { diagnose } from "../lib/diagnosis";
import type { Environment } from "../lib/config/environment";
import { predictRole } from "../lib/identity/role-mapping";
import { checkAgentCore, decodeToken } from "../lib/tokens";
import { checkCall, preparePolicies } from "../lib/policy-check";
import type { ConformanceCase } from "./schema";
import type { ScenarioContext } from "./scenario-context";
import { resolveValue, type ResolveOptions } from "./template";

/**
 * The dashboard's predictions, run on the same case as the sandbox: a prediction that disagrees
 * with the source fails here even when the sandbox agrees with it (they share code).
 */

const CONFIRMED: ReadonlySet<ConformanceCase["confidence"]> = new Set(["documented", "captured"]);

export async function predictionDifferences(c: ConformanceCase, ctx: ScenarioContext | undefined, options: ResolveOptions): Promise<string[]> {
  const out: string[] = [];
  const predict = c.predict;
  if (!predict) return out;

  if (predict.diagnosis) {
    const text = [c.expect.errorType, c.expect.message ?? c.expect.messageStartsWith].filter(Boolean).join(": ");
    if (!text) out.push("diagnosis: the case has no error text to diagnose");
    const top = diagnose({ text, service: serviceOf(c.surface), ...(predict.variant ? { variant: predict.variant } : {}) })[0];
    if (top?.id !== predict.diagnosis) out.push(`diagnosis of ${JSON.stringify(text)}: expected ${predict.diagnosis}, got ${top?.id ?? "(none)"}`);
  }

  if (predict.agentcore) {
    if (!ctx) return [...out, "agentcore prediction needs a scenario"];
    const p = predict.agentcore;
    const tokens = await ctx.signIn(options.user, options.sessionKey);
    const token = decodeToken(p.token === "id" ? tokens.idToken : tokens.accessToken);
    const config = await resolveValue(p.config, ctx, options);
    const result = checkAgentCore({ token, scheme: p.scheme }, config, p.target);
    const wantPass = c.expect.status !== undefined && c.expect.status < 400;
    if ((result.verdict === "pass") !== wantPass) out.push(`agentcore prediction: expected ${wantPass ? "pass" : "fail"}, got ${result.verdict}`);
    const response = result.response;
    if (!wantPass && response) {
      if (c.expect.status !== undefined && response.status !== null && response.status !== c.expect.status) {
        out.push(`agentcore prediction status: expected ${c.expect.status}, got ${response.status}`);
      }
      if (c.expect.message !== undefined && response.confirmed && response.message !== c.expect.message) {
        out.push(`agentcore prediction message: expected ${JSON.stringify(c.expect.message)}, got ${JSON.stringify(response.message)}`);
      }
      if (response.confirmed !== CONFIRMED.has(c.confidence)) {
        out.push(`agentcore prediction says ${response.confirmed ? "confirmed" : "not confirmed"}, the case is ${c.confidence}`);
      }
    }
  }
  if (predict.role) {
    if (!ctx) return [...out, "role prediction needs a scenario"];
    out.push(...(await rolePredictionDifferences(c, predict.role, ctx, options)));
  }
  if (predict.roleCheck) out.push(...(await roleCheckDifferences(c, ctx, options)));
  return out;
}

/** The role check's verdict on the scenario's authenticated role, against the case's expected answer. */
async function roleCheckDifferences(c: ConformanceCase, ctx: ScenarioContext | undefined, options: ResolveOptions): Promise<string[]> {
  const p = c.predict!.roleCheck!;
  if (!ctx) return ["role check prediction needs a scenario"];
  const roleArn = ctx.scenario.identityPools[0]?.authenticatedRoleArn;
  const role = ctx.scenario.roles.find((r) => r.arn === roleArn);
  if (!role) return [`role check: scenario ${ctx.scenario.name} has no authenticated role`];
  const resources = await resolveValue(p.resources, ctx, options);
  const policies = preparePolicies(role.policies.map((document, i) => ({ label: `policy ${i + 1}`, document })));
  const verdict = checkCall({ row: c.id, label: c.id, action: p.action, resources, source: c.id }, policies, { account: ctx.scenario.accountId });
  const out: string[] = [];
  if (verdict.decision !== p.decision) out.push(`role check: expected ${p.decision}, got ${verdict.decision}`);
  const wantAllow = c.expect.status !== undefined && c.expect.status < 400;
  if ((verdict.decision === "Allow") !== wantAllow) out.push(`role check says ${verdict.decision}, the service answered ${c.expect.status}`);
  if (p.statement) {
    const deciding = verdict.resources.flatMap((r) => r.statements).filter((s) => s.outcome === "allows" || s.outcome === "denies" || (s.shouldName?.differences.length ?? 0) > 0);
    const wanted = p.decision === "ExplicitDeny" ? deciding.filter((s) => s.outcome === "denies") : deciding;
    if (!wanted.some((s) => s.sid === p.statement)) out.push(`role check: expected statement "${p.statement}" to decide, got ${wanted.map((s) => s.sid ?? `#${s.index + 1}`).join(", ") || "none"}`);
  }
  return out;
}

/** The dashboard reads the pool's mapping from the sandbox's environment presets; so does this check. */
async function rolePredictionDifferences(
  c: ConformanceCase,
  want: NonNullable<NonNullable<ConformanceCase["predict"]>["role"]>,
  ctx: ScenarioContext,
  options: ResolveOptions,
): Promise<string[]> {
  const presets = (await (await fetch(`${ctx.base}/_sandbox/environments`)).json()) as { environments: Environment[] };
  const environment = presets.environments.find((e) => e.id === `sandbox-${ctx.scenario.name}`);
  if (!environment?.identityPoolRoles) return ["role prediction: the scenario's environment carries no identity pool roles"];
  const tokens = await ctx.signIn(options.user, options.sessionKey);
  const choice = predictRole(environment.identityPoolRoles, decodeToken(tokens.idToken).claims as Record<string, unknown>, want.customRoleArn);
  if (choice.outcome === "unknown") return [`role prediction: ${choice.explanation}`];
  if (want.denied) {
    if (choice.outcome !== "denied") return [`role prediction: expected a refusal, got ${choice.roleArn} (${choice.explanation})`];
    const out: string[] = [];
    if (c.expect.errorType !== undefined && choice.refusal.errorType !== c.expect.errorType) out.push(`role prediction error: expected ${c.expect.errorType}, got ${choice.refusal.errorType}`);
    if (c.expect.messageStartsWith !== undefined && !choice.refusal.message.startsWith(c.expect.messageStartsWith)) {
      out.push(`role prediction message: expected it to start ${JSON.stringify(c.expect.messageStartsWith)}, got ${JSON.stringify(choice.refusal.message)}`);
    }
    // An unconfirmed case's refusal must be shown as not confirmed.
    if (c.confidence === "unconfirmed" && !choice.refusal.unconfirmed) out.push("role prediction: the refusal is not marked unconfirmed, the case is");
    return out;
  }
  if (choice.outcome !== "role") return [`role prediction: expected ${want.roleArn}, got a refusal (${choice.explanation})`];
  return choice.roleArn === want.roleArn ? [] : [`role prediction: expected ${want.roleArn}, got ${choice.roleArn}`];
}

function serviceOf(surface: ConformanceCase["surface"]) {
  switch (surface) {
    case "cognito-idp":
      return "cognito" as const;
    case "cognito-identity":
      return "identity-pool" as const;
    case "sts":
      return "sts" as const;
    case "appsync-http":
    case "appsync-realtime":
      return "appsync" as const;
    case "agentcore-runtime":
    case "agentcore-ws":
      return "agentcore" as const;
    case "agentcore-gateway":
      return "agentcore-gateway" as const;
    case "iam":
      return "iam" as const;
    default:
      return undefined;
  }
}
