import { z } from "zod";
import { CLIENT_ID_PATTERN, IDENTITY_POOL_ID_PATTERN, USER_POOL_ID_PATTERN } from "../../lib/config/environment";
import { roleMappingSchema } from "../../lib/identity/role-mapping";
import { roleArnSchema } from "../iam/roles";

/**
 * How a scenario declares a Cognito identity pool, in the terms of the real API
 * (CreateIdentityPool + SetIdentityPoolRoles): which user pool app clients it trusts, whether
 * guests and the basic (classic) flow are allowed, and the default roles. Role ARNs are not
 * required to exist: a pool pointing at a missing role is a misconfiguration worth reproducing.
 */

const identityPoolProviderSchema = z.strictObject({
  userPoolId: z.string().regex(USER_POOL_ID_PATTERN, "user pool id must look like ap-northeast-1_AbC123"),
  clientId: z.string().regex(CLIENT_ID_PATTERN, "app client id must be letters, digits, _ or + (up to 128)"),
});

export const identityPoolSchema = z
  .strictObject({
    id: z
      .string()
      .regex(IDENTITY_POOL_ID_PATTERN, "identity pool id must look like ap-northeast-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"),
    name: z.string().regex(/^[\w ]{1,128}$/, "identity pool name must be letters, digits, _ or spaces (Cognito's rule)"),
    allowUnauthenticatedIdentities: z.boolean().default(false),
    /** The basic (classic) flow: GetOpenIdToken + sts:AssumeRoleWithWebIdentity. Off by default, as in AWS. */
    allowClassicFlow: z.boolean().default(false),
    providers: z.array(identityPoolProviderSchema).default([]),
    authenticatedRoleArn: roleArnSchema.optional(),
    unauthenticatedRoleArn: roleArnSchema.optional(),
    /**
     * SetIdentityPoolRoles' RoleMappings, keyed `cognito-idp.{region}.amazonaws.com/{userPoolId}:{clientId}`
     * (lib/identity/role-mapping/schema.ts says where each field comes from).
     */
    roleMappings: z.record(z.string(), roleMappingSchema).default({}),
  })
  .superRefine((pool, ctx) => {
    const region = pool.id.split(":")[0];
    const keys = new Set(pool.providers.map((p) => `cognito-idp.${region}.amazonaws.com/${p.userPoolId}:${p.clientId}`));
    for (const key of Object.keys(pool.roleMappings)) {
      // SetIdentityPoolRoles refuses such a key: "… is not a valid RoleMapping ProviderName or is not a
      // configured provider." (aws/aws-cdk#22951).
      if (!keys.has(key)) ctx.addIssue({ code: "custom", path: ["roleMappings", key], message: `not one of the pool's providers (${[...keys].join(", ") || "none"})` });
    }
  });

export type ScenarioIdentityPool = z.infer<typeof identityPoolSchema>;
