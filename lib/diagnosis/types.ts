import type { AwsAnswer } from "../errors";

/**
 * The diagnosis knowledge base: rules are plain data (no functions), so they can be validated by a
 * schema, listed on the /diagnose page, linked to by id, and reviewed by support staff who do not
 * read TypeScript. The engine (engine.ts) is the only code that interprets them.
 */

/** Where a failure happened. A rule lists every service it applies to. */
export const SERVICES = [
  "cognito", "identity-pool", "sts", "iam", "appsync", "api-gateway", "agentcore", "agentcore-gateway",
  "agentcore-identity", "bedrock", "amplify", "cdk", "lambda", "cloudwatch", "s3-vectors", "dynamodb",
  "aws-sdk", "mcp", "docker", "python",
] as const;
export type Service = (typeof SERVICES)[number];

/** CloudTrail's answer to "was the identity pool's role assumed around the failure?". */
export const CLOUDTRAIL_VERDICTS = ["assumed", "assumed-other-role", "refused", "absent"] as const;
export type CloudTrailVerdict = (typeof CLOUDTRAIL_VERDICTS)[number];

/**
 * Named checks on the authorizer configuration (and the credential variant used against it). Rules
 * name them instead of carrying code, so a rule stays data; context.ts implements each one.
 */
export const AUTHORIZER_TESTS = [
  "custom-jwt", "aws-iam", "user-pools", "oidc", "api-key", "api-gateway-cognito",
  "allowed-clients-with-id-token", "allowed-audience-with-access-token",
  "discovery-url-without-well-known", "custom-jwt-called-with-sigv4", "aws-iam-called-with-jwt",
  "credential-without-auth-mode", "aws-lambda",
] as const;
export type AuthorizerTest = (typeof AUTHORIZER_TESTS)[number];

/**
 * One piece of evidence. Weights are additive; see WEIGHTS in signals.ts for the scale. A negative
 * weight marks a near miss (evidence that points elsewhere) and lowers the rule's score.
 *
 * Text signals carry `anchor`: a lower-case literal that every match of `pattern` contains. The
 * engine looks for anchors first and runs the regex only in a window around them, which is what
 * keeps a 1 MB log fast (and bounds the work each rule can cost).
 */
export type Signal =
  | { kind: "message"; anchor: string; pattern: string; weight: number; detail: string; concept?: true }
  | { kind: "code"; anchor: string; pattern: string; weight: number; detail: string }
  | { kind: "header"; name: string; anchor: string; pattern: string; weight: number; detail: string }
  | { kind: "status"; values: readonly number[]; weight: number; detail: string }
  | { kind: "variant"; values: readonly string[]; weight: number; detail: string }
  | { kind: "tokenUse"; values: readonly ("id" | "access")[]; weight: number; detail: string }
  | { kind: "authorizer"; test: AuthorizerTest; weight: number; detail: string }
  | { kind: "cloudTrail"; values: readonly CloudTrailVerdict[]; weight: number; detail: string };

export type SignalKind = Signal["kind"] | "service";

export interface FixStep {
  readonly text: string;
  /** A command, policy or code fragment to copy; `lang` is for display only. */
  readonly snippet?: { readonly lang: string; readonly code: string };
}

/** Where the knowledge comes from: a seed note, an AWS document, or a public issue thread. */
export type Source =
  | { readonly kind: "seed"; readonly ref: string; readonly note?: string }
  | { readonly kind: "doc" | "issue"; readonly url: string; readonly note?: string };

export interface Rule {
  /** Stable kebab-case id; also the anchor support staff send (/diagnose#<id>). Never renamed. */
  readonly id: string;
  readonly title: string;
  readonly services: readonly Service[];
  readonly signals: readonly Signal[];
  readonly cause: string;
  readonly fix: readonly FixStep[];
  readonly source: readonly Source[];
}

/** The credential variant a test call used. Open-ended: unknown variants are kept as given. */
export type Variant =
  | "api-key" | "id-token" | "access-token" | "iam" | "sigv4" | "sigv4-presigned" | "jwt-subprotocol" | (string & {});

/** The authorizer in front of the call, as a type name or as the config object the API prints. */
export type AuthorizerInput =
  | string
  | {
      readonly type?: string;
      readonly allowedClients?: readonly string[];
      readonly allowedAudience?: readonly string[];
      readonly discoveryUrl?: string;
      /** Every authorization mode the API has (an AppSync API: its default and additional modes). */
      readonly authModes?: readonly string[];
    };

/**
 * What can be diagnosed: free text (a log, a pasted error) and/or a structured failure, whose
 * AWS answer (HTTP `status`, `errorType`, `message`) is spelled as in AwsAnswer.
 */
export interface DiagnoseInput extends Partial<Pick<AwsAnswer, "status" | "errorType" | "message">> {
  readonly text?: string;
  readonly service?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly summary?: string;
  readonly variant?: Variant;
  readonly tokenUse?: "id" | "access";
  readonly authorizer?: AuthorizerInput;
  readonly cloudTrailVerdict?: CloudTrailVerdict;
}

/** One piece of evidence found: which signal (`means`), the input's words that matched it (`phrase`). */
export interface MatchedSignal {
  readonly kind: SignalKind;
  /** `means` and the evidence in one line, for text output. */
  readonly detail: string;
  readonly weight: number;
  /** What the signal stands for, as the rule states it. */
  readonly means: string;
  /** The matched words of the input (redacted, shortened), for textual signals. */
  readonly phrase?: string;
}

export interface Match {
  readonly id: string;
  readonly title: string;
  readonly score: number;
  /** Best evidence first; negative ones (near misses) last. */
  readonly signals: readonly MatchedSignal[];
  readonly cause: string;
  readonly fix: readonly FixStep[];
  readonly source: readonly Source[];
}
