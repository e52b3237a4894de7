/**
 * The IAM policy grammar as AWS documents it (IAM JSON policy element reference), as zod schemas.
 * Strict objects: a misspelt element ("Actions", "Conditions") is exactly the kind of mistake that
 * silently denies, so it is reported instead of ignored, naming the statement and the field.
 */
import { z } from "zod";
import { isKnownOperator } from "./operators";

const stringOrList = z.union([z.string(), z.array(z.string()).min(1)]);

export const principalSchema = z.union([
  z.literal("*"),
  z
    .object({
      AWS: stringOrList.optional(),
      Federated: stringOrList.optional(),
      Service: stringOrList.optional(),
      CanonicalUser: stringOrList.optional(),
    })
    .strict(),
]);

const conditionScalar = z.union([z.string(), z.number(), z.boolean()]);
const conditionValues = z.union([conditionScalar, z.array(conditionScalar)]);
/** `{ "StringEquals": { "aws:username": "x" } }`: operator → context key → value(s). */
export const conditionSchema = z.record(z.string(), z.record(z.string(), conditionValues));

export const statementSchema = z
  .object({
    Sid: z.string().optional(),
    Effect: z.enum(["Allow", "Deny"]),
    Principal: principalSchema.optional(),
    NotPrincipal: principalSchema.optional(),
    Action: stringOrList.optional(),
    NotAction: stringOrList.optional(),
    Resource: stringOrList.optional(),
    NotResource: stringOrList.optional(),
    Condition: conditionSchema.optional(),
  })
  .strict()
  .superRefine((statement, ctx) => {
    const both = (a: keyof typeof statement, b: keyof typeof statement) => statement[a] !== undefined && statement[b] !== undefined;
    if (statement.Action === undefined && statement.NotAction === undefined) {
      ctx.addIssue({ code: "custom", path: ["Action"], message: "a statement needs Action or NotAction" });
    }
    if (both("Action", "NotAction")) ctx.addIssue({ code: "custom", path: ["NotAction"], message: "use Action or NotAction, not both" });
    if (both("Resource", "NotResource")) {
      ctx.addIssue({ code: "custom", path: ["NotResource"], message: "use Resource or NotResource, not both" });
    }
    if (both("Principal", "NotPrincipal")) {
      ctx.addIssue({ code: "custom", path: ["NotPrincipal"], message: "use Principal or NotPrincipal, not both" });
    }
    for (const operator of Object.keys(statement.Condition ?? {})) {
      if (!isKnownOperator(operator)) {
        ctx.addIssue({ code: "custom", path: ["Condition", operator], message: `unknown condition operator '${operator}'` });
      }
    }
  });

export const policyDocumentSchema = z
  .object({
    Version: z.enum(["2012-10-17", "2008-10-17"]).optional(),
    Id: z.string().optional(),
    Statement: z.union([statementSchema, z.array(statementSchema).min(1)]),
  })
  .strict();

export type PrincipalValue = z.infer<typeof principalSchema>;
export type ConditionBlock = z.infer<typeof conditionSchema>;
export type PolicyStatement = z.infer<typeof statementSchema>;
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
