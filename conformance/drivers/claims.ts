import { decodeJwt, decodeProtectedHeader } from "jose";
import { answerFromJson, type Answer } from "../answer";
import type { ScenarioContext } from "../scenario-context";
import type { ResolveOptions } from "../template";

/** A signed-in user's token, decoded by jose (not by the dashboard's decoder): `{header, claims}`. */
export async function runClaims(token: "id" | "access", ctx: ScenarioContext, options: ResolveOptions): Promise<Answer> {
  const tokens = await ctx.signIn(options.user, options.sessionKey);
  const jwt = token === "id" ? tokens.idToken : tokens.accessToken;
  return answerFromJson(200, { header: decodeProtectedHeader(jwt), claims: decodeJwt(jwt) });
}
