import { z } from "zod";

/**
 * What AppSync sends a Lambda authorizer and reads back (AppSync devguide, "AWS_LAMBDA
 * authorization", https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-lambda-authorization).
 *
 * The event: `authorizationToken` (the Authorization header's value) and `requestContext` with
 * apiId, accountId, requestId, queryString, operationName and variables (the devguide's example
 * event; AWS's own typed events: aws-powertools/powertools-lambda-python
 * `utilities/data_classes/appsync_authorizer_event.py`, operationName optional), and since April
 * 2024 `requestHeaders`, the request's headers (aws/aws-lambda-java-libs#473 and #428, the latter
 * opened by the AppSync team; "AWS AppSync forwards application request headers to AWS Lambda
 * custom authorizer functions", What's New, 2024-04-09).
 */
export interface AuthorizerEvent {
  authorizationToken: string;
  requestContext: {
    apiId: string;
    accountId: string;
    requestId: string;
    queryString: string;
    operationName?: string;
    variables: Record<string, unknown>;
  };
  requestHeaders: Record<string, string>;
}

/**
 * The response: `isAuthorized` (required; false raises UnauthorizedException), `resolverContext`
 * (a JSON object, `$ctx.identity.resolverContext`), `deniedFields` (fields forced to null: a field
 * ARN `arn:aws:appsync:{region}:{account}:apis/{apiId}/types/{Type}/fields/{field}` or
 * `Type.field`), `ttlOverride` (seconds to cache this response; 0 = not cached). Unknown keys are
 * ignored (unconfirmed: AppSync's handling of extra keys is not documented).
 */
export const authorizerResponseSchema = z.object({
  isAuthorized: z.boolean(),
  resolverContext: z.record(z.string(), z.unknown()).optional(),
  deniedFields: z.array(z.string()).optional(),
  ttlOverride: z.number().int().min(0).optional(),
});

export type AuthorizerResponse = z.infer<typeof authorizerResponseSchema>;

/**
 * Whether a deniedFields entry names `Type.field` of this API. Only the two documented forms
 * count: a whole type ("Mutation") or a wildcard is not a field and denies nothing
 * (aws/aws-appsync-community#272, answered by the AppSync team: "you must provide the full path of
 * your type: either the ARN or the shorthand: Type.Field").
 */
export function deniesField(entry: string, type: string, field: string, api: { id: string; region: string; accountId: string }): boolean {
  if (entry === `${type}.${field}`) return true;
  return entry === `arn:aws:appsync:${api.region}:${api.accountId}:apis/${api.id}/types/${type}/fields/${field}`;
}
