import { z } from "zod";
import { customClaimsListSchema } from "../lib/tokens/authorizers/agentcore-claims-input";

/**
 * One conformance case: a request to an AWS surface and AWS's answer to it as a public source
 * shows it. Cases are data written from sources (documentation, SDK service models, AWS's own
 * client libraries, captures of real responses in public threads), never derived from this
 * project's code, so that the sandbox and the dashboard's predictions can both be wrong against
 * them.
 */

export const SURFACES = [
  "cognito-idp",
  "cognito-identity",
  "sts",
  "appsync-http",
  "appsync-realtime",
  "appsync-events",
  "agentcore-runtime",
  "agentcore-ws",
  "agentcore-gateway",
  "cloudtrail-record",
  "cloudtrail-lookup",
  "iam",
] as const;

/**
 * How sure we are of the expected answer:
 * - documented: AWS documentation or an SDK service model says so;
 * - captured: a real AWS response quoted in a public issue, post or AWS's own client's tests;
 * - inferred: follows from documented rules, no capture of this exact answer;
 * - unconfirmed: no source shows it; the case pins only what is safe (e.g. the status family), and
 *   the dashboard must show the answer as "not confirmed".
 */
export const CONFIDENCE = ["documented", "captured", "inferred", "unconfirmed"] as const;

const sourceSchema = z.strictObject({
  /** A documentation URL, `owner/repo#N` for an issue or pull request, or `owner/repo:path` for a file. */
  ref: z.string().min(3),
  /** The words or the fields of the source that carry the fact, quoted exactly where short. */
  quote: z.string().optional(),
});

/** A SigV4 signature made by a client we did not write. */
const signSchema = z.strictObject({
  service: z.string().min(1),
  /** Defaults to the scenario's region. */
  region: z.string().optional(),
  /** `header`: Authorization header; `query`: presigned URL. */
  mode: z.enum(["header", "query"]).default("header"),
  /** Presigned URLs: X-Amz-Expires; omitted by aws4 for non-S3 services. */
  expiresIn: z.number().int().positive().optional(),
  /** @smithy/signature-v4 (the SDK v3 signer) or aws4 (a community signer). */
  signer: z.enum(["smithy", "aws4"]).default("smithy"),
  /**
   * Whose credentials: the signed-in user's identity-pool credentials (`user`), a guest identity's
   * (`guest`), or the scenario's first CloudTrail reader (`reader`).
   */
  credentials: z.enum(["user", "guest", "reader"]).default("user"),
});

const headersSchema = z.record(z.string(), z.string()).default({});

const httpFields = {
  op: z.literal("http"),
  method: z.enum(["GET", "POST", "PUT", "DELETE", "OPTIONS"]).default("POST"),
  /** Sandbox-relative URL with placeholders, e.g. `{{agentcore}}/runtimes/{{runtimeArn|uri}}/invocations`. */
  url: z.string().min(1),
  headers: headersSchema,
  /** A string is sent as is; an object as JSON. Placeholders are resolved in both. */
  body: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  sign: signSchema.optional(),
  /**
   * Wait this long after the placeholders are resolved (tokens fetched) and before sending: a
   * token issued under a short `tokenTtlSeconds` fault can then reach the service already expired.
   */
  waitMs: z.number().int().min(0).max(5000).optional(),
};

const awsJsonFields = {
  op: z.literal("aws-json"),
  service: z.enum(["cognito-idp", "cognito-identity", "cloudtrail"]),
  /** The operation, without its target prefix: `InitiateAuth`, `GetId`, `LookupEvents`. */
  operation: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  sign: signSchema.optional(),
  /** Sends the request this many times back to back and answers with the last: rate limits. */
  repeat: z.number().int().min(1).max(10).default(1),
};

/**
 * What a `before` step adds to its call. Multi-step sign-ins (InitiateAuth → Session →
 * AssociateSoftwareToken → VerifySoftwareToken → RespondToAuthChallenge) hand each step a value
 * from the answer before it, so a step can keep fields of its answer for the steps and the call
 * after it; and a step may be one that must fail (a wrong code first, the right one next).
 */
const beforeStepFields = {
  /** Placeholder name → dotted path in the step's JSON answer: `{"session": "Session"}` makes `{{session}}`. */
  capture: z.record(z.string().regex(/^[A-Za-z]+$/, "capture names are letters only, like placeholders"), z.string().min(1)).optional(),
  /** The status this step must answer; by default any status below 400. */
  status: z.number().int().min(100).max(599).optional(),
};

/**
 * Calls made first, in order, each of which must succeed (status < 400, or the `status` it names):
 * the state the case's call needs, such as a refresh token revoked before it is used. Their
 * answers are not compared; `capture` keeps fields of them for later steps.
 */
const beforeSchema = z
  .array(z.discriminatedUnion("op", [z.strictObject({ ...httpFields, ...beforeStepFields }), z.strictObject({ ...awsJsonFields, ...beforeStepFields })]))
  .min(1)
  .max(5)
  .optional();

const httpCall = z.strictObject({ ...httpFields, before: beforeSchema });
const awsJsonCall = z.strictObject({ ...awsJsonFields, before: beforeSchema });

const websocketCall = z.strictObject({
  op: z.literal("websocket"),
  url: z.string().min(1),
  protocols: z.array(z.string()).default([]),
  headers: headersSchema,
  sign: signSchema.optional(),
  /** Frames to send once open (objects as JSON). */
  send: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).default([]),
  /** Stop listening after this many frames or this long, whichever comes first. */
  frames: z.number().int().min(0).max(50).default(1),
  waitMs: z.number().int().min(50).max(5000).default(1500),
  /**
   * AppSync realtime: the authorization object (placeholders resolved), sent as the
   * `header-<base64url(JSON)>` subprotocol or the legacy `?header=<base64(JSON)>&payload=e30=`.
   */
  appsyncAuth: z
    .strictObject({
      header: z.record(z.string(), z.string()),
      in: z.enum(["subprotocol", "query"]).default("subprotocol"),
    })
    .optional(),
});

/** A user-pool token's decoded claims (decoded by jose, not by our decoder). */
const claimsCall = z.strictObject({
  op: z.literal("claims"),
  token: z.enum(["id", "access"]),
});

/** Runs `before`, then reads the CloudTrail record the sandbox wrote for `eventName`. */
const cloudTrailRecordCall = z.strictObject({
  op: z.literal("cloudtrail-record"),
  before: z.lazy(() => z.union([httpCall, awsJsonCall])),
  eventName: z.string().min(1),
});

/** No request: the case checks only our predictions, on an answer a source shows. */
const noCall = z.strictObject({ op: z.literal("none") });

const callSchema = z.discriminatedUnion("op", [httpCall, awsJsonCall, websocketCall, claimsCall, cloudTrailRecordCall, noCall]);
export type HttpCall = z.infer<typeof httpCall>;
export type AwsJsonCall = z.infer<typeof awsJsonCall>;
export type WebSocketCall = z.infer<typeof websocketCall>;
export type SignSpec = z.infer<typeof signSchema>;

export const expectSchema = z.strictObject({
  /** HTTP status; 101 for an accepted WebSocket upgrade. */
  status: z.number().int().min(100).max(599).optional(),
  /** `x-amzn-ErrorType` / `__type` / XML `Code` / AppSync `errorType` / CloudTrail `errorCode`, without namespace. */
  errorType: z.string().optional(),
  /** The error message, exactly. */
  message: z.string().optional(),
  /** The error message starts with this (a source quoted only its start, or the rest varies). */
  messageStartsWith: z.string().optional(),
  /** Fields of the JSON answer (dotted paths, `[0]` for array items) and their exact values. */
  fields: z.record(z.string(), z.unknown()).optional(),
  /** Dotted paths that must be present with any value. */
  present: z.array(z.string()).optional(),
  /** Dotted paths that must be absent. */
  absent: z.array(z.string()).optional(),
  /** Response headers (lower-case names) whose value must match this regular expression. */
  headers: z.record(z.string(), z.string()).optional(),
});
export type Expectation = z.infer<typeof expectSchema>;

/** Our predictions, run on the same case: they must agree with the expected answer. */
const predictSchema = z.strictObject({
  /** The diagnosis rule the expected error text must bring up first. */
  diagnosis: z.string().optional(),
  /**
   * The credential the call sent, as a test-call cell tells the diagnosis (`lambda-token`,
   * `api-key` …): where AWS answers two causes in the same words, the cell's column decides.
   */
  variant: z.string().optional(),
  /** "Will this token pass?" for an AgentCore CUSTOM_JWT authorizer. */
  agentcore: z
    .strictObject({
      target: z.enum(["runtime", "gateway"]),
      token: z.enum(["id", "access"]),
      scheme: z.enum(["bearer", "raw"]).default("bearer"),
      config: z.strictObject({
        discoveryUrl: z.string(),
        allowedClients: z.array(z.string()).optional(),
        allowedAudience: z.array(z.string()).optional(),
        allowedScopes: z.array(z.string()).optional(),
        customClaims: customClaimsListSchema.optional(),
      }),
    })
    .optional(),
  /**
   * The Session page's role prediction (lib/identity/role-mapping) for the signed-in user's ID
   * token against the identity pool's mapping as the sandbox environment carries it: the role the
   * enhanced flow gives (`roleArn`), or a refusal (`denied`), optionally with a CustomRoleArn.
   */
  role: z
    .strictObject({
      roleArn: z.string().optional(),
      denied: z.literal(true).optional(),
      customRoleArn: z.string().optional(),
    })
    .refine((r) => (r.roleArn === undefined) !== (r.denied === undefined), { message: "give roleArn or denied, not both" })
    .optional(),
  /**
   * The role check (lib/policy-check) on the scenario's authenticated role for this call: its
   * decision must be `decision` and agree with the expected status (Allow exactly when it is
   * below 400); `statement` is the Sid that decides (the Allow or Deny that matched, or for an
   * implicit deny the near-miss whose Resource should name the call's ARN).
   */
  roleCheck: z
    .strictObject({
      action: z.string().min(3),
      resources: z.array(z.string().min(3)).min(1),
      decision: z.enum(["Allow", "ExplicitDeny", "ImplicitDeny"]),
      statement: z.string().optional(),
    })
    .optional(),
});

export const caseSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:[-./][a-z0-9]+)*$/, "ids are lower-case words joined by - . /"),
    surface: z.enum(SURFACES),
    title: z.string().min(10),
    confidence: z.enum(CONFIDENCE),
    sources: z.array(sourceSchema).min(1, "every case names its source"),
    /** The sandbox scenario the call runs in. */
    scenario: z.string().min(1),
    /** Which user signs in for `{{idToken}}` and friends; defaults to the scenario's first confirmed user. */
    user: z.string().optional(),
    /** Sandbox faults set for this case only (e.g. short-lived tokens). */
    faults: z.record(z.string(), z.number()).optional(),
    call: callSchema,
    expect: expectSchema,
    predict: predictSchema.optional(),
    /** Why the case matters to a user, or what it leaves unconfirmed. */
    note: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    // An unconfirmed answer has no wording to pin: a sandbox that invents one must not pass for AWS.
    if (c.confidence === "unconfirmed" && c.expect.message !== undefined) {
      ctx.addIssue({ code: "custom", path: ["expect", "message"], message: "an unconfirmed case cannot pin an exact message" });
    }
    if (c.call.op === "none" && !c.predict) {
      ctx.addIssue({ code: "custom", path: ["predict"], message: "a case without a call must check a prediction" });
    }
  });

export type ConformanceCase = z.infer<typeof caseSchema>;
export const caseFileSchema = z.array(caseSchema).min(1);
