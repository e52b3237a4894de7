import { z } from "zod";

/**
 * `lambdaAuthorizerConfig` of a scenario's AppSync API: AppSync's LambdaAuthorizerConfig
 * (https://docs.aws.amazon.com/appsync/latest/APIReference/API_LambdaAuthorizerConfig.html:
 * authorizerUri, authorizerResultTtlInSeconds 0–3600 defaulting to 0, identityValidationExpression)
 * plus what the sandbox needs in place of the function's code: a fixed decision table. The
 * sandbox runs no customer code; each rule says what "the function" does for the tokens it
 * matches — return a response (valid or not), throw, or time out — and the first matching rule
 * wins, `otherwise` when none does.
 */

/**
 * What "the function" does: `returns` a response (checked against AppSync's response shape only
 * when AppSync reads it, lambda-response.ts), `throws` (an unhandled error; the text is for the
 * scenario's reader), or `timesOut` (runs past AppSync's 10-second limit for authorizers).
 */
const outcomeFields = {
  returns: z.unknown().optional(),
  throws: z.string().min(1).optional(),
  timesOut: z.literal(true).optional(),
};

function exactlyOneOutcome(value: { returns?: unknown; throws?: string; timesOut?: true }, ctx: z.RefinementCtx): void {
  const given = (["returns", "throws", "timesOut"] as const).filter((key) => key in value && value[key] !== undefined);
  if (given.length !== 1) ctx.addIssue({ code: "custom", message: "give exactly one of returns, throws, timesOut" });
}

const outcomeSchema = z.strictObject(outcomeFields).superRefine(exactlyOneOutcome);

/** `token` (exactly this token) or `tokenPattern` (a regular expression the whole token matches), and an outcome. */
const ruleSchema = z
  .strictObject({ token: z.string().optional(), tokenPattern: z.string().min(1).optional(), ...outcomeFields })
  .superRefine((rule, ctx) => {
    if ((rule.token === undefined) === (rule.tokenPattern === undefined)) ctx.addIssue({ code: "custom", message: "give exactly one of token, tokenPattern" });
    exactlyOneOutcome(rule, ctx);
  });

export const lambdaAuthorizerSchema = z
  .strictObject({
    authorizerUri: z.string().regex(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?$/, "authorizerUri must be a Lambda function ARN"),
    authorizerResultTtlInSeconds: z.number().int().min(0).max(3600).default(0),
    identityValidationExpression: z.string().min(1).optional(),
    /**
     * Whether the function's resource-based policy lets appsync.amazonaws.com call
     * lambda:InvokeFunction (the API reference's `aws lambda add-permission` note). false
     * reproduces an authorizer AppSync cannot invoke.
     */
    invokePermission: z.boolean().default(true),
    decisions: z.array(ruleSchema).default([]),
    otherwise: outcomeSchema.default({ returns: { isAuthorized: false } }),
  })
  .superRefine((config, ctx) => {
    const patterns = [
      ...(config.identityValidationExpression ? [["identityValidationExpression", config.identityValidationExpression] as const] : []),
      ...config.decisions.flatMap((rule, i) => (rule.tokenPattern !== undefined ? [[`decisions.${i}.tokenPattern`, rule.tokenPattern] as const] : [])),
    ];
    for (const [path, pattern] of patterns) {
      try {
        new RegExp(pattern);
      } catch (error) {
        ctx.addIssue({ code: "custom", path: path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: `not a regular expression: ${(error as Error).message}` });
      }
    }
  });

export type LambdaAuthorizerConfig = z.infer<typeof lambdaAuthorizerSchema>;
export type LambdaRule = LambdaAuthorizerConfig["decisions"][number];
export type LambdaOutcome = Pick<LambdaRule, "returns" | "throws" | "timesOut">;
