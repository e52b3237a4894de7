import { z } from "zod";
import { CLIENT_ID_PATTERN, IDENTITY_POOL_ID_PATTERN, USER_POOL_ID_PATTERN } from "../../lib/config/environment";
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

export const identityPoolSchema = z.strictObject({
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
});

export type ScenarioIdentityPool = z.infer<typeof identityPoolSchema>;
