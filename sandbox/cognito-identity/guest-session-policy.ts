import { parsePolicyDocument, type PolicyDocument } from "../../lib/iam";

/**
 * The scope-down Cognito puts on guest (unauthenticated) credentials in the enhanced flow. The
 * session's permissions are the role's policies intersected with this list, so a guest role that
 * allows an action outside it still gets "… because no session policy allows the … action".
 * Signed-in identities and the basic flow get no scope-down.
 *
 * Sources, both read:
 *  - Cognito developer guide, "IAM roles" → "Access policies" (awsdocs/amazon-cognito-developer-guide
 *    doc_source/iam-roles.md): "Amazon Cognito applies a scope-down policy to credentials vended by
 *    GetCredentialForIdentity to prevent access to services other than the ones listed below for your
 *    unauthenticated users", the list of services, the table of services with restricted actions,
 *    and "If you need access to something other than these services for your unauthenticated users,
 *    you must use the basic authentication flow".
 *  - The AWS managed policy AmazonCognitoUnAuthedIdentitiesSessionPolicy (v3), which Cognito "will
 *    automatically include … as a scoped down policy when creating credentials"
 *    (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonCognitoUnAuthedIdentitiesSessionPolicy.html).
 * Session policies passed together are combined, so the allow list is the union of both. The IAM
 * prefixes for the guide's service names are ours (e.g. Amazon Location = geo, Pinpoint =
 * mobiletargeting); CloudWatch is taken as `cloudwatch:` only. bedrock-agentcore is on neither list.
 */

/** From the developer guide's list: every action of these services. */
const GUIDE_SERVICES = [
  "appsync", // AWS AppSync
  "cloudwatch", // Amazon CloudWatch
  "cognito-identity", // Amazon Cognito Identity
  "cognito-sync", // Amazon Cognito Sync
  "comprehend", // Amazon Comprehend
  "dynamodb", // Amazon DynamoDB
  "gamelift", // Amazon GameLift
  "iot", // AWS IoT
  "firehose", // Amazon Kinesis Data Firehose
  "kinesis", // Amazon Kinesis Data Streams
  "lambda", // AWS Lambda
  "lex", // Amazon Lex
  "geo", // Amazon Location Service
  "machinelearning", // Amazon Machine Learning
  "mobileanalytics", // Amazon Mobile Analytics
  "mobiletargeting", // Amazon Pinpoint
  "polly", // Amazon Polly
  "rekognition", // Amazon Rekognition
  "sdb", // Amazon SimpleDB
  "ses", // Amazon SES
  "sns", // Amazon SNS
  "sqs", // Amazon SQS
  "s3", // Amazon S3
  "transcribe", // Amazon Transcribe
  "translate", // Amazon Translate
] as const;

/** The guide's table of services that allow guests only some actions. */
const GUIDE_RESTRICTED = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "sagemaker:InvokeEndpoint",
  "textract:DetectDocumentText",
  "textract:AnalyzeDocument",
  "sumerian:View*",
] as const;

/** AmazonCognitoUnAuthedIdentitiesSessionPolicy v3 adds these beyond the guide's list. */
const MANAGED_POLICY_EXTRA = ["rum:PutRumEvents", "personalize:*"] as const;

const parsed = parsePolicyDocument({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "CognitoUnauthenticatedScopeDown",
      Effect: "Allow",
      Action: [...GUIDE_SERVICES.map((prefix) => `${prefix}:*`), ...GUIDE_RESTRICTED, ...MANAGED_POLICY_EXTRA],
      Resource: "*",
    },
  ],
});
if (!parsed.ok) throw new Error("the guest scope-down policy does not parse");

export const GUEST_SESSION_POLICY: PolicyDocument = parsed.policy;
