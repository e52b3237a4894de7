import { z } from "zod";
import { RUNTIME_ARN_PATTERN } from "../../lib/config/environment";
import { policySchema } from "../iam/roles";
import { agentFaultSchema } from "./agent-faults";

/**
 * The `agentCoreRuntimes` and `agentCoreGateways` keys of a scenario file, in the shape of
 * `get-agent-runtime` / `get-gateway` (authorizerConfiguration.customJWTAuthorizer). A runtime
 * or gateway has one inbound authorizer: AWS_IAM (SigV4) or CUSTOM_JWT, never both.
 */

const DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

const customClaimSchema = z.strictObject({
  inboundTokenClaimName: z.string().min(1),
  inboundTokenClaimValueType: z.enum(["STRING", "STRING_ARRAY"]),
  authorizingClaimMatchValue: z.strictObject({
    claimMatchOperator: z.enum(["EQUALS", "CONTAINS", "CONTAINS_ANY"]),
    claimMatchValue: z.strictObject({
      matchValueString: z.string().optional(),
      matchValueStringList: z.array(z.string()).optional(),
    }),
  }),
});

export const authorizerSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("AWS_IAM") }),
  z.strictObject({
    type: z.literal("CUSTOM_JWT"),
    /**
     * A sandbox user pool's discovery document is written relative to the sandbox
     * (`/ap-northeast-1_X/.well-known/openid-configuration`) or with `{sandbox}` in front; both
     * become the sandbox's real URL once it listens. AWS's pattern is checked on the result.
     */
    discoveryUrl: z
      .string()
      .min(1)
      .refine((url) => url.endsWith(DISCOVERY_SUFFIX), {
        // CloudFormation's refusal of a bare issuer URL (seed 000).
        message: "DiscoveryUrl does not match pattern ^.+/\\.well-known/openid-configuration$",
      }),
    allowedClients: z.array(z.string().min(1)).optional(),
    allowedAudience: z.array(z.string().min(1)).optional(),
    allowedScopes: z.array(z.string().min(1)).optional(),
    customClaims: z.array(customClaimSchema).optional(),
  }),
]);

export const runtimeSchema = z.strictObject({
  arn: z.string().regex(RUNTIME_ARN_PATTERN, "runtime ARN must look like arn:aws:bedrock-agentcore:ap-northeast-1:123456789012:runtime/my_agent-AbCdE12345"),
  /** Endpoint names the runtime answers to (`?qualifier=`); AWS creates DEFAULT with every runtime. */
  qualifiers: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,47}$/)).default(["DEFAULT"]),
  authorizer: authorizerSchema,
  /**
   * The runtime's resource-based policy (PutResourcePolicy; devguide "Resource-based policies for
   * Amazon Bedrock AgentCore": Agent Runtime and Agent Endpoints, Gateway). It applies to the
   * runtime and to its endpoints. A caller in another account needs it as well as its own policy.
   */
  resourcePolicy: policySchema.optional(),
  /**
   * The agent behind the runtime fails (agent-faults.ts): "start-failure" and "agent-error" answer
   * 424 RuntimeClientError, "throttled" 429 ThrottlingException, "session-busy" 409
   * RetryableConflictException, after the caller was authorized.
   */
  agentFault: agentFaultSchema.optional(),
});

/** Gateway ids are `{name}-{10 lowercase letters and digits}`, the host label of the gateway URL. */
const GATEWAY_ID_PATTERN = /^[a-z0-9-]{1,100}-[a-z0-9]{10}$/;

export const gatewaySchema = z.strictObject({
  id: z.string().regex(GATEWAY_ID_PATTERN, "gateway id must look like demo-gateway-0wpcw3peau"),
  authorizer: authorizerSchema,
  /** The one target's name: tools are listed as `{targetName}___{tool}`, as AgentCore names them. */
  targetName: z.string().regex(/^[a-zA-Z0-9-]{1,100}$/).default("echo-tool"),
  tools: z.array(z.enum(["echo", "ping"])).min(1).default(["echo", "ping"]),
});

export type ScenarioAuthorizer = z.infer<typeof authorizerSchema>;
export type JwtAuthorizer = Extract<ScenarioAuthorizer, { type: "CUSTOM_JWT" }>;
export type ScenarioRuntime = z.infer<typeof runtimeSchema>;
export type ScenarioGateway = z.infer<typeof gatewaySchema>;

/** `{sandbox}/…` and `/…` become absolute against the sandbox's base URL. */
export function resolveDiscoveryUrl(discoveryUrl: string, baseUrl: string): string {
  if (discoveryUrl.startsWith("{sandbox}")) return baseUrl + discoveryUrl.slice("{sandbox}".length);
  if (discoveryUrl.startsWith("/")) return baseUrl + discoveryUrl;
  return discoveryUrl;
}
