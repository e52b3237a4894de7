import { code, concept, msg, phrase, status, W } from "../signals";
import type { Rule } from "../types";

/** Errors any AWS call can meet: missing IAM permissions, names taken, rate limits, wrong region. */

const ALL: Rule["services"] = ["aws-sdk", "iam", "bedrock", "appsync", "agentcore", "sts", "lambda", "cdk", "amplify", "mcp", "dynamodb", "cloudwatch", "s3-vectors"];

export const awsGeneralRules: readonly Rule[] = [
  {
    id: "iam-action-not-authorized",
    title: "The IAM user or role is not allowed this action (identity policy, explicit deny, SCP, session policy)",
    services: ALL,
    signals: [
      // IAM's denial names the action; the caller's ARN before it is often masked when pasted.
      msg("is not authorized to perform", String.raw`is not authorized to perform:? [a-z0-9-]+:[a-z0-9*]+`, 6, "IAM AccessDenied naming the action"),
      msg("is not authorized to perform", String.raw`is not authorized to perform:? iam:[a-z]+`, W.hint, "an IAM administration action"),
      // The reasons IAM appends to AccessDenied (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
      msg("because no", String.raw`because no identity-based\s+policy\s+allows\s+the`, W.hint, "no identity-based policy allows it"),
      msg("because no resource-based", String.raw`because no resource-based\s+policy\s+allows`, -2, "no resource-based policy allows it: another account's resource"),
      // The same finding in people's words: a role or user lacking a named service:Action permission.
      msg(" permission", String.raw`\b(?:lacks?|lacking|missing|requires?|needs?|without)\b[^.\n]{0,30}\b[a-z0-9-]+:[a-z][a-z0-9*]+\W{0,2} permission`, W.specific, "a named IAM permission is missing"),
      msg("but not", String.raw`\bgrants?\b[^.\n]{0,20}\b[a-z0-9-]+:[a-z][a-z0-9*]+\b[^.\n]{0,80}\bbut not\b`, W.hint, "a policy grants the action, but not for this resource"),
      msg("permissions for", String.raw`\brequires? permissions for\W{0,2}[a-z0-9-]+:[a-z][a-z0-9*]+`, W.specific, "a named IAM permission is required"),
      // A role or user said to lack permissions, in any of the usual phrasings ("the gateway role lacks permissions to invoke
      // them", "the user doesn't have the permission", "policy had no permission"): the cause itself, told in prose.
      msg("permission", String.raw`\b(?:role|policy|principal)\b[^.\n]{0,40}\b(?:lacks?|lacking|is missing|was missing|does not have|doesn't have|did not have|didn't have|has no|had no|without)\b[^.\n]{0,20}\b(?:the |any |enough |sufficient |necessary |required )?permissions?\b`, W.hint, "a role or policy lacks a permission"),
      msg("permission", String.raw`\buser\b[^.\n]{0,40}\b(?:lacks?|lacking|is missing|does not have|doesn't have|did not have|didn't have|has no|had no)\b[^.\n]{0,20}\b(?:the |any |enough |sufficient |necessary |required )?permissions?\b`, W.hint, "a user lacks a permission (also how other services word their own refusals)"),
      msg("permission", String.raw`\b(?:insufficient|missing|not enough|lack of)\s+(?:iam\s+)?permissions?\b`, W.hint, "permissions are said to be insufficient"),
      msg("explicit deny", String.raw`with an explicit deny in an? (?:identity-based|resource-based|service control|session|permissions boundary) polic`, W.hint, "an explicit deny"),
      // Japanese prose for the same finding: 権限不足 / 権限が足りない / 権限がない / 権限が付与されていない / 権限回りのエラー.
      msg("権限", String.raw`権限(?:(?:が|は)?(?:不足|足りな|足りてい|ない|ありません|付与されていな|与えられていな)|回り|周り)`, W.hint, "missing permission (Japanese)"),
      code("AccessDenied", W.generic, "AccessDenied"),
      // Amazon EC2 API error codes (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html): UnauthorizedOperation
      // "You are not authorized to perform this operation." — the identity's policies do not allow the action.
      code("UnauthorizedOperation", W.specific, "EC2: the caller's policies do not allow this action"),
      phrase("You are not authorized to perform this operation", W.specific, "EC2 UnauthorizedOperation's message"),
      // The IAM denial as the Japanese console words it ("…には、次の操作を実行する権限がありません: s3:ListBucket").
      msg("権限がありません", String.raw`(?:実行|操作|呼び出)(?:する|す)(?:ための)?権限がありません`, W.specific, "IAM denial (Japanese console)"),
      // The fix told as what was missing: "adding s3:GetObject to the role fixed it", "bedrock:InvokeModel の権限を付与".
      msg("add", String.raw`\badd(?:ed|ing)?\b[^.\n]{0,30}\b[a-z0-9-]+:[a-z][a-z0-9*]+\b[^.\n]{0,40}\b(?:permissions?|polic(?:y|ies)|role)\b[^.\n]{0,40}\b(?:fix(?:ed|es)?|solved|resolved|works?|worked)\b`, 5, "adding a named IAM action fixed it"),
      msg("権限を", String.raw`[a-z0-9-]+:[a-z][a-z0-9*]+\s*(?:の)?権限を(?:追加|付与)`, 5, "a named IAM action had to be granted (Japanese)"),
      code("AccessDeniedException", W.generic, "AccessDeniedException"),
      status([403], W.generic, "refused"),
    ],
    cause:
      "The principal named in the message has no statement allowing the action on that resource, or something denies it explicitly: a permissions " +
      "boundary, an Organizations SCP, or the session policy of its credentials. The message names the principal, the action and the resource to grant.",
    fix: [
      { text: "Ask an administrator to allow exactly the action and resource in the message, or switch to a profile that has it.", snippet: { lang: "json", code: "{\n  \"Effect\": \"Allow\",\n  \"Action\": [\"iam:CreateUser\", \"iam:TagUser\", \"iam:AttachUserPolicy\", \"iam:CreateServiceSpecificCredential\"],\n  \"Resource\": \"*\"\n}" } },
      { text: "See what is attached to you.", snippet: { lang: "sh", code: "aws sts get-caller-identity\naws iam list-attached-user-policies --user-name <you>\naws iam list-user-policies --user-name <you>" } },
      { text: "\"explicit deny\" cannot be fixed by adding an Allow: find the boundary, SCP or session policy that denies." },
    ],
    source: [
      { kind: "seed", ref: "002", note: "2. Permission Denied (IAM)" },
      { kind: "doc", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html" },
    ],
  },
  {
    id: "iam-cross-account-resource-policy",
    title: "A resource in another account: its resource-based policy does not let you in",
    services: ALL,
    signals: [
      concept("アカウント", String.raw`(?:別|他|クロス)\s*アカウント`, "another account (Japanese)"),
      concept("account", String.raw`\b(?:another|other|different|second) (?:aws )?account\b`, "another account"),
      concept("cross", String.raw`\bcross[- ]account\b`, "cross-account access"),
      concept("resource", String.raw`\bresource[- ]based polic(?:y|ies)\b`, "a resource-based policy"),
      msg("because no resource-based", String.raw`because no resource-based\s+policy\s+allows\s+the\s+[a-z0-9-]+:[a-z0-9*]+\s+action`, W.strong, "IAM's cross-account denial"),
      msg("is not authorized to perform", String.raw`is not authorized to perform:? [a-z0-9-]+:[a-z0-9*]+`, W.context, "IAM AccessDenied naming the action"),
      // The denial itself shows the two accounts: the caller's ARN (arn:aws:sts::A:assumed-role/… or arn:aws:iam::A:…) and a
      // resource ARN in account B ≠ A (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
      msg("is not authorized to perform", String.raw`arn:aws[a-z-]*:(?:sts|iam)::(\d{12}):\S+\s+is not authorized to perform:? [a-z0-9-]+:[a-z0-9*]+ on resource:? "?arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?!\1)\d{12}:`, W.specific, "the caller and the resource are in different accounts"),
      code("AccessDeniedException", W.generic, "AccessDeniedException"),
      status([403], W.generic, "refused"),
    ],
    cause:
      "The resource belongs to another account than the caller. Within one account an identity policy is enough, but across accounts the " +
      "resource's own policy must allow the caller too, so even Resource: \"*\" in your role's policy does not reach it. AgentCore runtimes, " +
      "their endpoints and gateways take a resource-based policy (PutResourcePolicy).",
    fix: [
      { text: "In the account that owns the resource, allow your role (or account) on it.", snippet: { lang: "sh", code: "aws bedrock-agentcore-control put-resource-policy \\\n  --resource-arn arn:aws:bedrock-agentcore:<region>:<owner account>:runtime/<id> \\\n  --policy '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::<your account>:role/<your role>\"},\"Action\":\"bedrock-agentcore:InvokeAgentRuntime\",\"Resource\":\"arn:aws:bedrock-agentcore:<region>:<owner account>:runtime/<id>\"}]}'" } },
      { text: "Keep the Allow in your own role's policy as well: cross-account access needs both." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html" },
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/resource-based-policies.html" },
      { kind: "issue", url: "https://github.com/aws/agentcore-cli/issues/607" },
    ],
  },
  {
    id: "iam-entity-already-exists",
    title: "An IAM user or role with that name already exists",
    services: ["iam", "cdk", "amplify", "aws-sdk"],
    signals: [
      code("EntityAlreadyExists", W.strong, "IAM EntityAlreadyExists"),
      msg("already exists", String.raw`(?:user|role|policy|group) with name \S+ already exists`, W.strong, "the name is taken"),
      // CloudFormation's create failure for an IAM resource whose name is taken (in this or another stack).
      msg("already exists", String.raw`aws::iam::(?:role|policy|user|group|instanceprofile|managedpolicy)\b[^\n]{0,200}\balready exists\b`, W.strong, "CloudFormation could not create an IAM resource whose name is taken"),
      msg("already exist", String.raw`\b(?:roles?|polic(?:y|ies))\b[^.\n]{0,60}\balready exists?\b`, W.specific, "an IAM role, policy, user or group that already exists"),
      code("EntityAlreadyExistsException", W.strong, "IAM EntityAlreadyExistsException"),
    ],
    cause: "IAM names are unique per account. The entity was created by an earlier run (or another stack), so creating it again fails instead of being reused.",
    fix: [
      { text: "Reuse the existing user (create a new key for it) or pick another name; delete it only after removing its keys and policies.", snippet: { lang: "sh", code: "aws iam get-user --user-name <name>\naws iam list-service-specific-credentials --user-name <name>" } },
      { text: "In CDK/CloudFormation import the existing resource or let the stack generate the name." },
    ],
    source: [{ kind: "seed", ref: "002", note: "4. IAM User Already Exists" }, { kind: "doc", url: "https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html" }],
  },
  {
    id: "throttling",
    title: "Throttled: too many requests or tokens for the quota",
    services: ALL,
    signals: [
      concept("throttl", String.raw`throttl`, "throttling"),
      concept("rate limit", String.raw`\brate limit`, "a rate limit"),
      concept("quota", String.raw`\bquotas?\b`, "a quota"),
      msg("please wait before trying again", String.raw`too many (?:requests|tokens),? please wait before trying again`, 9, "Bedrock throttling"),
      msg("too many tokens per", String.raw`too many tokens per (?:day|minute)`, W.strong, "Bedrock token quota"),
      code("ThrottlingException", 7, "ThrottlingException"),
      msg("rate exceeded", String.raw`\brate exceeded\b`, 6, "Rate exceeded"),
      // HTTP 429's reason phrase and the usual words for it (https://docs.aws.amazon.com/general/latest/gr/api-retries.html).
      msg("too many requests", String.raw`\btoo many requests\b`, 5, "Too Many Requests"),
      msg("rate", String.raw`\brate[- ]limit(?:ed|ing)?\b[^.\n]{0,20}\b(?:exceeded|hit|reached)?`, W.hint, "rate limited"),
      phrase("リクエストが多すぎ", 5, "too many requests (Japanese)"),
      code("TooManyRequestsException", 7, "TooManyRequestsException"),
      code("RequestLimitExceeded", 6, "RequestLimitExceeded"),
      // The throttling error codes both SDKs retry as throttling: boto/botocore botocore/retries/standard.py
      // (_THROTTLED_ERROR_CODES) and smithy-lang/smithy-typescript packages/service-error-classification/src/constants.ts
      // (THROTTLING_ERROR_CODES). LimitExceededException is left out: Cognito uses it for attempt limits, not rates.
      code("ProvisionedThroughputExceededException", 7, "DynamoDB throughput exceeded"),
      code("ThrottledException", 7, "ThrottledException"),
      code("RequestThrottledException", 7, "RequestThrottledException"),
      code("RequestThrottled", 6, "RequestThrottled"),
      code("EC2ThrottledException", 7, "EC2ThrottledException"),
      code("BandwidthLimitExceeded", 6, "BandwidthLimitExceeded"),
      // Amazon S3 error responses (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html): SlowDown.
      msg("reduce your request rate", String.raw`\bslowdown\b[^\n]{0,40}please reduce your request rate`, W.strong, "S3 SlowDown"),
      // botocore/data/bedrock-runtime/2023-09-30/service-2.json ServiceQuotaExceededException's documentation.
      phrase("Your request exceeds the service quota for your account", W.strong, "Bedrock service quota exceeded"),
      msg("your request rate is too high", String.raw`your request rate is too high`, W.strong, "Bedrock Agents throttling"),
      msg("スロットリング", "スロットリング", 5, "throttling (Japanese)"),
      phrase("レート制限", W.hint, "rate limit (Japanese)"),
      status([429], W.context, "HTTP 429"),
    ],
    cause:
      "The account's per-model (or per-API) quota for requests or tokens per minute was exceeded; new accounts start with low Bedrock quotas, and " +
      "retries without backoff make it worse. Cross-region inference profiles spread the load over several regions.",
    fix: [
      { text: "Retry with exponential backoff (the SDKs' adaptive retry mode does this).", snippet: { lang: "python", code: "from botocore.config import Config\nclient = boto3.client('bedrock-runtime', config=Config(retries={'max_attempts': 10, 'mode': 'adaptive'}))" } },
      { text: "Check and raise the quota in Service Quotas; use an inference profile for more throughput.", snippet: { lang: "sh", code: "aws service-quotas list-service-quotas --service-code bedrock --query \"Quotas[?contains(QuotaName,'tokens per minute')]\"" } },
    ],
    source: [
      { kind: "seed", ref: "002", note: "7. Rate Limiting / Throttling" },
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html" },
      { kind: "issue", url: "https://github.com/aws-samples/aws-genai-llm-chatbot/issues/220" },
    ],
  },
  {
    id: "region-endpoint-mismatch",
    title: "Endpoint unreachable: the service (or model) is not in the configured region",
    services: ALL,
    signals: [
      concept("region", String.raw`\bregions?\b`, "the region"),
      concept("endpoint", String.raw`\bendpoints?\b`, "the endpoint"),
      concept("connect", String.raw`\b(?:could not|couldn't|cannot|can't|unable to) connect\b`, "a failed connection"),
      phrase("Could not connect to the endpoint URL", 9, "botocore could not reach the regional endpoint"),
      code("EndpointConnectionError", 6, "botocore"),
      msg("getaddrinfo enotfound", String.raw`getaddrinfo enotfound [a-z0-9.-]*\.amazonaws\.com`, 7, "no DNS name for this service in this region"),
      msg("inaccessible host", String.raw`unknownendpoint: inaccessible host`, 7, "AWS SDK for JavaScript v2"),
      msg("region", String.raw`not (?:available|supported) in (?:this|your|the) region`, W.hint, "not offered in the region"),
      msg("リージョン", String.raw`リージョン.{0,10}(?:不一致|違い|が異なる|間違)`, 5, "region mismatch (Japanese)"),
    ],
    cause:
      "The client builds the endpoint from its region (AWS_REGION / profile). Where the service does not exist in that region the host has no DNS " +
      "entry, so the connection fails before any AWS error; a model enabled in another region is likewise not found here.",
    fix: [
      { text: "Set the region where the service and model are enabled, and check the region the client really uses.", snippet: { lang: "sh", code: "echo $AWS_REGION; aws configure get region\nexport AWS_REGION=us-east-1" } },
      { text: "Pass the region explicitly to the client in code when the runtime environment has another default." },
    ],
    source: [
      { kind: "seed", ref: "002", note: "6. Region Mismatch" },
      { kind: "issue", url: "https://github.com/run-llama/llama_index/issues/9812" },
      { kind: "issue", url: "https://github.com/aws-samples/amazon-forecast-samples/issues/170" },
    ],
  },
];
