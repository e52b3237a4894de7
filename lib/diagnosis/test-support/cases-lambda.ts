import { nearMiss, real, type Case } from "./case";

/**
 * AppSync's AWS_LAMBDA mode, in the words of public threads (each cause settled there), and the
 * same answers as a test-call cell gives them (which column sent what).
 */

export const LAMBDA_CASES: readonly Case[] = [
  real("appsync-lambda-authorizer-denied", "aws/aws-appsync-community #372",
    `When configuration { isAuthorized: false } , return 401 error with fixed message "You are not authorized to make this call."\nis it possible to set custom error message? or to return other error code (403 or something..)`),
  real("appsync-lambda-authorizer-denied", "aws-amplify/amplify-js #9513 (Amplify team)",
    `So, the 401 "You are not authorized to make this call" error is normal for when the lambda returns \`isAuthorized\` as \`false\`. The lambda is being invoked and you should be able to see that in your cloudwatch logs.`),
  real("appsync-lambda-authorizer-denied", "aws/aws-appsync-community #372 (the answer as a test call's Lambda-token cell gets it)",
    { service: "appsync-http", variant: "lambda-token", status: 401, errorType: "UnauthorizedException", message: "You are not authorized to make this call.", authorizer: { type: "AWS_LAMBDA", authModes: ["AWS_LAMBDA", "AMAZON_COGNITO_USER_POOLS"] } }),
  real("appsync-lambda-authorizer-not-invoked", "aws/aws-cdk #19258",
    `AppSync returns this error.\n\n\`\`\`JSON\n{\n  "errors": [\n    {\n      "errorType": "BadRequestException"\n    }\n  ]\n}\n\`\`\``),
  real("appsync-lambda-authorizer-not-invoked", "aws/aws-cdk #19258 (comment)",
    `Seems like it's a permissions problem. My lambda authorizer never receives the request to authorize it. The policy being added to the Lambda Role doesn't seem to make effect. It's like if AppSync wasn't able to invoke the lambda authorizer.`),
  real("appsync-lambda-authorizer-not-invoked", "aws/aws-cdk #19239 (the answer as a test call's Lambda-token cell gets it)",
    { service: "appsync-http", variant: "lambda-token", status: 400, errorType: "BadRequestException", text: `{"errors":[{"errorType":"BadRequestException"}]}`, authorizer: { type: "AWS_LAMBDA", authModes: ["AWS_LAMBDA"] } }),
  // The same words to an API key are the key's refusal.
  nearMiss("appsync-lambda-authorizer-denied", "appsync-api-key-invalid", "aws-amplify/amplify-studio #1003 (API key)",
    { service: "appsync-http", variant: "api-key", status: 401, errorType: "UnauthorizedException", message: "You are not authorized to make this call." }),
  // A configuration the control plane refused: no call reached AppSync's data plane.
  nearMiss("appsync-lambda-authorizer-not-invoked", null, "serverless/serverless #12297 (UpdateGraphqlApi)",
    `UPDATE_FAILED: GraphQlApi (AWS::AppSync::GraphQLApi)\nLambda Authorizer Config missing (Service: AWSAppSync; Status Code: 400; Error Code: BadRequestException; Request ID: 9061ddb7-ea27-45f2-908e-4e73cb1c992d; Proxy: null)`),
];
