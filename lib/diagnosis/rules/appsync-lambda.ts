import { authorizer, code, concept, msg, phrase, status, variant, W } from "../signals";
import type { Rule } from "../types";

/**
 * AppSync's AWS_LAMBDA mode: the customer's function decides, and AppSync's answer never says why.
 * Two failures: the function said no (or AppSync could not use what it said), and AppSync could
 * not call the function at all.
 */

const INVOKE_EVENT = `cat > event.json <<'EOF'
{
  "authorizationToken": "<the token your app sends>",
  "requestContext": {
    "apiId": "<apiId>", "accountId": "<account>", "requestId": "test-1",
    "queryString": "query Probe { __typename }", "operationName": "Probe", "variables": {}
  },
  "requestHeaders": { "authorization": "<the token your app sends>" }
}
EOF
aws lambda invoke --function-name <authorizer-function> --cli-binary-format raw-in-base64-out \\
  --payload file://event.json response.json && cat response.json
# AppSync needs: {"isAuthorized": true|false, "resolverContext": {...}, "deniedFields": [...], "ttlOverride": <seconds>}`;

export const appsyncLambdaRules: readonly Rule[] = [
  {
    id: "appsync-lambda-authorizer-denied",
    title: "AppSync Lambda authorizer said no (isAuthorized false), failed, or returned a response AppSync could not use",
    services: ["appsync"],
    signals: [
      concept("lambda", String.raw`\blambda\b`, "a Lambda function"),
      concept("authori", String.raw`\bauthori[sz]er\b`, "an authorizer"),
      concept("appsync", String.raw`appsync`, "AppSync"),
      concept("custom", String.raw`\bcustom(?:[ -]auth)?\b`, "custom authorization"),
      // The fixed words AppSync answers for isAuthorized: false (aws/aws-appsync-community#372).
      phrase("You are not authorized to make this call", W.specific, "AppSync's fixed refusal when the authorizer answers isAuthorized: false (also an API key's)"),
      msg("isauthorized", String.raw`\bisauthorized\b`, W.specific, "the Lambda authorizer's isAuthorized decision"),
      msg("lambda", String.raw`\blambda(?:[ _-]?auth(?:ori[sz](?:er|ation))?|\s+authori[sz](?:er|ation))\b`, W.hint, "AWS_LAMBDA authorization"),
      msg("aws_lambda", String.raw`\baws_lambda\b`, W.hint, "the AWS_LAMBDA mode"),
      msg("authmode", String.raw`authmode\W{1,4}(?:aws_)?lambda\b`, W.hint, "the call uses the Lambda auth mode"),
      msg("resolvercontext", String.raw`\bresolvercontext\b`, W.context, "the authorizer's resolverContext"),
      msg("gateway", String.raw`\bgateways?\b`, -W.context, "a gateway (API Gateway, AgentCore Gateway) calls the authorizer, not AppSync"),
      // Context, not proof: AppSync's words decide; a bare "Unauthorized" with a Lambda token stays a
      // question (lib/diagnosis/question.ts), with this rule among the candidates.
      variant(["lambda"], W.weak, "sent the Lambda authorizer's token"),
      authorizer("aws-lambda", W.weak, "the API reads this credential with AWS_LAMBDA"),
      // Pointing elsewhere: an API key was sent (appsync-api-key-invalid); AppSync never called the function.
      msg("x-api-key", String.raw`\bx-api-key\b`, -W.context, "an API key was sent"),
      msg("da2-", String.raw`\bda2-[a-z0-9]{26}\b`, -W.context, "an AppSync API key"),
      variant(["api-key", "iam"], -W.context, "not a Lambda token"),
      msg("badrequestexception", String.raw`"errortype"\s*:\s*"badrequestexception"\s*\}`, -W.hint, "AppSync never called the function (appsync-lambda-authorizer-not-invoked)"),
      msg("lambda authorizer config missing", "lambda authorizer config missing", -W.strong, "the API's configuration was refused (UpdateGraphqlApi), not a call"),
      code("UnauthorizedException", W.generic, "AppSync UnauthorizedException"),
      msg("unauthorized", String.raw`\bunauthorized\b`, W.generic, "Unauthorized"),
      status([401], W.generic, "refused"),
    ],
    cause:
      "With AWS_LAMBDA, AppSync hands the Authorization header's value to your function as authorizationToken (with requestContext: apiId, accountId, requestId, " +
      "queryString, operationName, variables, and requestHeaders) and goes on only when it returns isAuthorized: true. When the function answers false, " +
      "AppSync replies 401 UnauthorizedException \"You are not authorized to make this call.\" — a fixed text: the function's reason never reaches the caller. " +
      "The same refusal follows when the token fails the API's identityValidationExpression (checked before the function is called), and — not confirmed " +
      "by any public capture — when the function throws, runs past its 10-second limit, or returns something without a boolean isAuthorized (in 2022 AppSync " +
      "also refused responses without resolverContext). A decision is cached per token for authorizerResultTtlInSeconds or the response's ttlOverride, so a " +
      "fixed function can keep refusing a token until that expires.",
    fix: [
      { text: "Read the function's own logs for this request (aws logs tail /aws/lambda/<authorizer-function> --since 10m): they hold the reason AppSync does not pass on. No invocation at all means AppSync refused before calling it (identityValidationExpression, a cached decision) or could not call it: over realtime an authorizer AppSync may not invoke gets these same words — check its invoke permission (see appsync-lambda-authorizer-not-invoked)." },
      { text: "Invoke the function with the event AppSync sends and check that it returns a boolean isAuthorized (and a resolverContext object).", snippet: { lang: "sh", code: INVOKE_EVENT } },
      { text: "Check the API's Lambda configuration: the regex the token must match before the function is called, and how long decisions are cached.", snippet: { lang: "sh", code: "aws appsync get-graphql-api --api-id <apiId> --query 'graphqlApi.[lambdaAuthorizerConfig,additionalAuthenticationProviders[].lambdaAuthorizerConfig]'" } },
      { text: "Send the token exactly as the function expects it: AppSync passes the whole Authorization value, prefix included. A JWT on an API that also has a user-pool or OIDC mode goes to that mode, not to the function." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-lambda-authorization", note: "event, response (isAuthorized, resolverContext, deniedFields, ttlOverride), 10-second limit" },
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/APIReference/API_LambdaAuthorizerConfig.html", note: "identityValidationExpression checked before the function is called; authorizerResultTtlInSeconds and ttlOverride" },
      { kind: "issue", url: "https://github.com/aws/aws-appsync-community/issues/372", note: "isAuthorized: false → 401 with the fixed message" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/9513", note: "the 401 \"You are not authorized to make this call\" is normal for isAuthorized false" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-cli/issues/9645", note: "isAuthorized true without resolverContext refused (2022); docs updated" },
    ],
  },
  {
    id: "appsync-lambda-authorizer-not-invoked",
    title: "AppSync cannot invoke the Lambda authorizer: bare BadRequestException, nothing in the function's logs",
    services: ["appsync"],
    signals: [
      concept("lambda", String.raw`\blambda\b`, "a Lambda function"),
      concept("authori", String.raw`\bauthori[sz]er\b`, "an authorizer"),
      concept("appsync", String.raw`appsync`, "AppSync"),
      concept("never", String.raw`\bnever (?:gets? )?(?:called|invoked|receives)\b`, "the function never running"),
      concept("invoked", String.raw`\bnot (?:being )?invoked\b`, "the function not invoked"),
      // The whole answer: errorType and no message (aws/aws-cdk#19239, #19258).
      msg("badrequestexception", String.raw`"errortype"\s*:\s*"badrequestexception"\s*\}`, W.strong, "AppSync's BadRequestException with no message"),
      // Weak: every service that calls a function needs lambda:InvokeFunction (AgentCore gateways, API Gateway…).
      msg("lambda:invokefunction", String.raw`\blambda:invokefunction\b`, W.weak, "the function's invoke permission"),
      msg("permission", String.raw`\badd-?permission\b`, W.weak, "adding the function's invoke permission"),
      msg("gateway", String.raw`\bgateways?\b`, -W.context, "a gateway (API Gateway, AgentCore Gateway) calls the function, not AppSync"),
      msg("lambda", String.raw`\blambda(?:[ _-]?auth(?:ori[sz](?:er|ation))?|\s+authori[sz](?:er|ation))\b`, W.context, "AWS_LAMBDA authorization"),
      variant(["lambda"], W.context, "sent the Lambda authorizer's token"),
      authorizer("aws-lambda", W.weak, "the API reads this credential with AWS_LAMBDA"),
      // A control-plane refusal of the API's configuration, not a call: another cause.
      msg("lambda authorizer config missing", "lambda authorizer config missing", -W.strong, "the API's configuration was refused (UpdateGraphqlApi), not a call"),
      code("BadRequestException", W.weak, "BadRequestException"),
      status([400], W.generic, "bad request"),
    ],
    cause:
      "AppSync calls the authorizer function with lambda:InvokeFunction as the service principal appsync.amazonaws.com, which the function's resource-based policy " +
      "must allow. The console adds that permission; CloudFormation, CDK (before it did so itself), Terraform and the CLI do not. Without it every call in the " +
      "AWS_LAMBDA mode gets {\"errors\":[{\"errorType\":\"BadRequestException\"}]} with no message, and the function's logs stay empty because it never ran. " +
      "An authorizerUri naming a version or alias that does not exist, or another function, has the same effect on the function's logs.",
    fix: [
      { text: "Let AppSync invoke the function (scoped to this API).", snippet: { lang: "sh", code: "aws lambda add-permission --function-name <authorizer-function> --statement-id appsync-<apiId> \\\n  --principal appsync.amazonaws.com --action lambda:InvokeFunction \\\n  --source-arn arn:aws:appsync:<region>:<account>:apis/<apiId>" } },
      { text: "In CDK: authorizerFunction.addPermission('appsync', { principal: new ServicePrincipal('appsync.amazonaws.com'), action: 'lambda:InvokeFunction', sourceArn: api.arn }); in CloudFormation an AWS::Lambda::Permission with the same fields." },
      { text: "Check that authorizerUri names the function (and version or alias) that has the permission.", snippet: { lang: "sh", code: "aws appsync get-graphql-api --api-id <apiId> --query 'graphqlApi.lambdaAuthorizerConfig.authorizerUri'\naws lambda get-policy --function-name <authorizer-function>" } },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/appsync/latest/APIReference/API_LambdaAuthorizerConfig.html", note: "the function must have a resource-based policy for appsync.amazonaws.com (aws lambda add-permission)" },
      { kind: "issue", url: "https://github.com/aws/aws-cdk/issues/19239", note: "{\"errors\":[{\"errorType\":\"BadRequestException\"}]}, function not invoked; fixed by the permission" },
      { kind: "issue", url: "https://github.com/aws/aws-cdk/issues/19258", note: "the same answer; \"My lambda authorizer never receives the request\"" },
      { kind: "issue", url: "https://github.com/aws/aws-cdk/issues/31550", note: "CDK adds the permission, without SourceArn" },
    ],
  },
];
