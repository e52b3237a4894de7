import { randomUUID } from "node:crypto";
import type { AppSyncFailure } from "./errors";
import { FAIL, lambdaFailed } from "./errors";
import { authorizerResponseSchema, type AuthorizerEvent, type AuthorizerResponse } from "./lambda-response";
import type { LambdaAuthorizerConfig, LambdaOutcome } from "./lambda-scenario";

/**
 * AWS_LAMBDA authorization with a scenario's decision table standing in for the function. In the
 * order AppSync documents it: the token is checked against identityValidationExpression before
 * the function is called, a cached response for the same token is reused while its TTL lasts,
 * else the function is invoked with the event (lambda-response.ts) and its response read.
 */

/** What the function decided, as request handling needs it. */
export interface LambdaGrant {
  resolverContext: Record<string, unknown>;
  deniedFields: readonly string[];
}

export type LambdaResult = { ok: true; grant: LambdaGrant } | { ok: false; failure: AppSyncFailure };

/** The request the token came with: what requestContext and requestHeaders carry. */
export interface LambdaRequest {
  queryString: string;
  operationName?: string;
  variables: Record<string, unknown>;
  headers: Record<string, string | undefined>;
}

/** One invocation as the sandbox's log keeps it: the event (token shortened) and what came back. */
export interface LambdaInvocation {
  at: number;
  event: AuthorizerEvent;
  outcome: "returned" | "threw" | "timed out";
  response?: unknown;
}

/**
 * "An authorization token must not exceed 2048 characters" (the devguide's limits as reproduced by
 * https://michaelbrewer.github.io/aws-lambda-events/appsync-authorizer/, with "Lambda authorizers
 * have a timeout of 10 seconds").
 */
const MAX_TOKEN_LENGTH = 2048;
const LOG_SIZE = 50;

export class LambdaAuthorizer {
  private readonly cache = new Map<string, { response: AuthorizerResponse; until: number }>();
  private readonly log: LambdaInvocation[] = [];

  constructor(
    private readonly config: LambdaAuthorizerConfig,
    private readonly api: { id: string; accountId: string },
  ) {}

  /** The latest invocations, oldest first (GET /_sandbox/lambda-invocations). */
  invocations(): readonly LambdaInvocation[] {
    return this.log;
  }

  authorize(token: string, request: LambdaRequest, now: number): LambdaResult {
    if (token.length > MAX_TOKEN_LENGTH) return { ok: false, failure: FAIL.lambdaTokenTooLong };
    const expression = this.config.identityValidationExpression;
    // "A regular expression for validation of tokens before the Lambda function is called" (API
    // reference, LambdaAuthorizerConfig). Whole-token match (inferred: AppSync is written in Java,
    // whose Pattern.matches matches the whole input; not documented).
    if (expression !== undefined && !wholeMatch(expression, token)) return { ok: false, failure: FAIL.lambdaValidationExpression };
    // Without the resource-based policy AppSync cannot call the function: a bare
    // BadRequestException, and nothing in the function's logs (aws/aws-cdk#19239, fixed there by
    // `aws lambda add-permission … --principal appsync.amazonaws.com --action lambda:InvokeFunction`).
    if (!this.config.invokePermission) return { ok: false, failure: FAIL.lambdaNotInvokable };

    const cached = this.cache.get(token);
    const response = cached && cached.until > now ? cached.response : this.invoke(token, request, now);
    if (!("isAuthorized" in response)) return { ok: false, failure: response };
    if (!response.isAuthorized) return { ok: false, failure: FAIL.lambdaDenied };
    return { ok: true, grant: { resolverContext: response.resolverContext ?? {}, deniedFields: response.deniedFields ?? [] } };
  }

  private invoke(token: string, request: LambdaRequest, now: number): AuthorizerResponse | AppSyncFailure {
    const event: AuthorizerEvent = {
      authorizationToken: token,
      requestContext: {
        apiId: this.api.id,
        accountId: this.api.accountId,
        requestId: randomUUID(),
        queryString: request.queryString,
        ...(request.operationName ? { operationName: request.operationName } : {}),
        variables: request.variables,
      },
      requestHeaders: Object.fromEntries(Object.entries(request.headers).filter((e): e is [string, string] => e[1] !== undefined)),
    };
    const outcome = this.outcomeFor(token);
    const entry: LambdaInvocation = { at: now, event: shortened(event), outcome: outcome.throws ? "threw" : outcome.timesOut ? "timed out" : "returned" };
    if ("returns" in outcome) entry.response = outcome.returns;
    this.log.push(entry);
    if (this.log.length > LOG_SIZE) this.log.shift();

    if (outcome.throws !== undefined) return lambdaFailed("an authorizer that throws");
    if (outcome.timesOut) return lambdaFailed("an authorizer that runs past its 10-second limit");
    const parsed = authorizerResponseSchema.safeParse(outcome.returns);
    if (!parsed.success) return lambdaFailed("a response without a boolean isAuthorized (or with fields of the wrong type)");
    // authorizerResultTtlInSeconds, "The Lambda function can override this by returning a
    // ttlOverride key in its response" (API reference); 0 disables caching. Keyed on the token:
    // AppSync caches "based on the value of the authorization header" (What's New, 2024-04-09).
    const ttl = parsed.data.ttlOverride ?? this.config.authorizerResultTtlInSeconds;
    if (ttl > 0) this.cache.set(token, { response: parsed.data, until: now + ttl * 1000 });
    else this.cache.delete(token);
    return parsed.data;
  }

  private outcomeFor(token: string): LambdaOutcome {
    const rule = this.config.decisions.find((r) => (r.token !== undefined ? r.token === token : wholeMatch(r.tokenPattern!, token)));
    return rule ?? this.config.otherwise;
  }
}

function wholeMatch(pattern: string, text: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(text);
}

const SECRET_HEADERS = new Set(["authorization", "x-api-key", "x-amz-security-token"]);

/** The log keeps a token's first four characters and its length, never the whole of it, nor other credentials. */
function shortened(event: AuthorizerEvent): AuthorizerEvent {
  const token = event.authorizationToken;
  const headers = Object.fromEntries(Object.entries(event.requestHeaders).map(([k, v]) => [k, SECRET_HEADERS.has(k) ? "…" : v]));
  return { ...event, authorizationToken: `${token.slice(0, 4)}… (${token.length} characters)`, requestHeaders: headers };
}
