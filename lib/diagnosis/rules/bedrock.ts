import { code, concept, msg, phrase, status, W } from "../signals";
import type { Rule } from "../types";

/** Bedrock model invocation: model ids, inference profiles, model access, API keys. */

export const bedrockRules: readonly Rule[] = [
  {
    id: "bedrock-inference-profile",
    title: "Cross-region model needs inference-profile permissions (or an inference profile id)",
    services: ["bedrock", "agentcore", "iam"],
    signals: [
      msg("inference-profile/", String.raw`bedrock:(?:invokemodel\w*|converse\w*)\b.{0,160}inference-profile/`, 9, "denied on an inference profile"),
      msg("on-demand throughput", String.raw`with on-demand throughput isn['’]?t supported`, 9, "the model is only invocable through an inference profile"),
      phrase("Retry your request with the ID or ARN of an inference profile", W.hint, "Bedrock asks for an inference profile"),
      msg("foundation-model/", String.raw`not authorized to perform:? bedrock:invokemodel\w* on resource:? arn:aws:bedrock:[a-z0-9-]*::foundation-model/`, 5, "denied on a foundation model"),
      msg(".anthropic.", String.raw`\b(?:us|eu|apac|global|jp|au|us-gov)\.anthropic\.`, W.weak, "a cross-region (inference profile) model id"),
      phrase("クロスリージョン推論", W.hint, "cross-region inference (Japanese)"),
      code("AccessDeniedException", W.generic, "AccessDeniedException"),
    ],
    cause:
      "Cross-region model ids (us.anthropic.claude-…, global.…) are inference profiles: the call is authorised on arn:aws:bedrock:<region>:<account>:inference-profile/<id> " +
      "and on the foundation model in every region the profile routes to. A policy listing only foundation-model/* is denied; many current models can only be called this way.",
    fix: [
      { text: "Allow both the inference profiles and the foundation models (all regions the profile routes to).", snippet: { lang: "ts", code: "resources: [\n  'arn:aws:bedrock:*::foundation-model/*',\n  'arn:aws:bedrock:*:*:inference-profile/*',\n]" } },
      { text: "Call the model through its inference profile id (us.… / global.…) rather than the bare model id." },
    ],
    source: [
      { kind: "seed", ref: "000", note: "Bedrock: AccessDeniedException on inference-profile" },
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html" },
      { kind: "issue", url: "https://github.com/anthropics/claude-code/issues/6191" },
    ],
  },
  {
    id: "bedrock-model-access",
    title: "Bedrock model access not enabled (or Marketplace subscription missing)",
    services: ["bedrock"],
    signals: [
      concept("モデル", String.raw`モデル(?:への)?アクセス`, "model access (Japanese)"),
      concept("model access", String.raw`\bmodel access\b`, "model access"),
      // Model access that was never requested or granted (https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html).
      msg("model access", String.raw`\b(?:request(?:ed|ing)?|enabl(?:e|ed|ing)|grant(?:ed|ing)?)\b[^.\n]{0,25}\bmodel access\b`, 5, "model access had to be requested"),
      msg("model access", String.raw`\bmodel access\b[^.\n]{0,25}\b(?:not (?:enabled|granted|requested)|was(?:n't| not) (?:enabled|granted|requested)|pending)\b`, 5, "model access not enabled"),
      msg("アクセス", String.raw`モデル(?:への)?アクセス(?:を|が)?(?:有効化|リクエスト|申請|許可|付与)(?:されていな|していな|しておらず|が必要|する必要)`, 5, "model access not enabled (Japanese)"),
      concept("bedrock", String.raw`\bbedrock\b`, "Bedrock"),
      concept("anthropic", String.raw`\banthropic\b`, "an Anthropic model"),
      concept("marketplace", String.raw`\bmarketplace\b`, "the Marketplace"),
      msg("access to the model", String.raw`you don['’]?t have access to the model with the specified model id`, W.verbatim, "Bedrock model access"),
      msg("model access is denied", String.raw`model access is denied due to iam user or service role is not authorized to perform the required aws marketplace actions`, 9, "Marketplace subscription for the model"),
      phrase("Your account is not authorized to invoke this API operation", 7, "Bedrock not enabled for the account"),
      msg("\"models\"", String.raw`"models"\s*:\s*\[\s*\]`, W.hint, "ListFoundationModels returned nothing"),
      phrase("モデルアクセス", W.context, "model access (Japanese)"),
      // Serverless models from the Marketplace need these on first use (https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html).
      msg("aws-marketplace:", String.raw`aws-marketplace:(?:viewsubscriptions|subscribe)\b`, W.strong, "the Marketplace subscription permissions model access needs"),
      // Troubleshooting Amazon Bedrock API error codes (https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html):
      // FTUFormNotFilled "Model use case details have not been submitted for this account" (Anthropic's first-time-use form),
      // MPAgreementBeingCreated (the model's Marketplace subscription is still being processed).
      code("FTUFormNotFilled", W.strong, "Bedrock: the Anthropic use-case form was not submitted"),
      phrase("Model use case details have not been submitted for this account", 9, "Bedrock: the Anthropic use-case form was not submitted"),
      code("MPAgreementBeingCreated", W.strong, "Bedrock: the model's Marketplace subscription is still being processed"),
      code("AccessDeniedException", W.generic, "AccessDeniedException"),
    ],
    cause:
      "The model is not enabled for this account in this region (Model access page), or enabling it needs an AWS Marketplace subscription the caller " +
      "may not perform (aws-marketplace:Subscribe/ViewSubscriptions). Access is per region.",
    fix: [
      { text: "Enable the model under Bedrock → Model access in the region you call, then retry (approval is usually immediate)." },
      { text: "Check what the region offers.", snippet: { lang: "sh", code: "aws bedrock list-foundation-models --region us-east-1 --by-provider Anthropic" } },
      { text: "If the message names Marketplace actions, let the first caller have aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions once." },
    ],
    source: [
      { kind: "seed", ref: "002", note: "3. Bedrock Model Access Not Enabled" },
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html" },
      { kind: "issue", url: "https://github.com/langgenius/dify/issues/2829" },
    ],
  },
  {
    id: "bedrock-model-id-invalid",
    title: "The model id is not valid in this region (typo, bare id, or not offered here)",
    services: ["bedrock"],
    signals: [
      concept("model", String.raw`\bmodel ?ids?\b`, "the model id"),
      concept("bedrock", String.raw`\bbedrock\b`, "Bedrock"),
      concept("invalid", String.raw`\binvalid\b`, "invalid"),
      phrase("The provided model identifier is invalid", W.verbatim, "Bedrock ValidationException"),
      msg("not found in", String.raw`model \S+ not found in [a-z]{2}(?:-[a-z]+)+-\d`, 7, "model not found in the region"),
      code("ValidationException", W.generic, "ValidationException"),
    ],
    cause:
      "Bedrock does not know this id here: a friendly name instead of the full id, a missing region prefix for an inference profile, a version that " +
      "does not exist, or a model not offered in the region the client points at.",
    fix: [
      { text: "List valid ids for the region and copy one exactly (including :0 and any us./global. prefix).", snippet: { lang: "sh", code: "aws bedrock list-foundation-models --region <region> --query 'modelSummaries[].modelId'\naws bedrock list-inference-profiles --region <region> --query 'inferenceProfileSummaries[].inferenceProfileId'" } },
      { text: "Or switch the client to a region that offers the model (export AWS_REGION=us-east-1)." },
    ],
    source: [
      { kind: "seed", ref: "002", note: "10. Model Not Available in Region" },
      { kind: "issue", url: "https://github.com/langchain-ai/open_deep_research/issues/224" },
      { kind: "issue", url: "https://github.com/GoogleCloudPlatform/kubectl-ai/issues/515" },
    ],
  },
  {
    id: "bedrock-api-key",
    title: "Bedrock API key (bdk_v1_…) invalid, expired or inactive",
    services: ["bedrock", "iam"],
    signals: [
      phrase("Authentication failed: Please make sure your API Key is valid", 9, "Bedrock's answer to a bad API key"),
      msg("bdk_v1_", String.raw`\bbdk_v1_`, 5, "a Bedrock API key is in use"),
      phrase("AWS_BEARER_TOKEN_BEDROCK", W.context, "the Bedrock API key environment variable"),
      phrase("AWS_BEDROCK_API_KEY", W.context, "a Bedrock API key environment variable"),
      msg("anthropicerror", String.raw`anthropicerror:?\s*401`, 5, "the Anthropic SDK on Bedrock got 401"),
      phrase("The security token included in the request is invalid", W.hint, "the key (or signature token) was not accepted"),
      msg("api key", String.raw`api key (?:is )?(?:expired|invalid|inactive)`, W.context, "API key invalid/expired"),
      msg("apiキー", String.raw`apiキー.{0,10}(?:期限切れ|無効)`, 5, "API key invalid/expired (Japanese)"),
      phrase("service-specific-credential", W.weak, "IAM service-specific credentials"),
      status([401, 403], W.generic, "refused"),
    ],
    cause:
      "Bedrock API keys are sent as a bearer token instead of a SigV4 signature. Long-term keys are IAM service-specific credentials: they expire after " +
      "the period chosen at creation, can be set Inactive, and cannot be shown again; short-term keys last at most as long as the session that made " +
      "them and only work in the region they were generated for.",
    fix: [
      { text: "Check the key's status and age.", snippet: { lang: "sh", code: "aws iam list-service-specific-credentials --user-name <user> --service-name bedrock.amazonaws.com" } },
      { text: "Reactivate it, or create a new key and replace the environment variable (AWS_BEARER_TOKEN_BEDROCK).", snippet: { lang: "sh", code: "aws iam update-service-specific-credential --user-name <user> --service-specific-credential-id <id> --status Active" } },
      { text: "For a short-term key, make sure the client's region is the one the key was generated in." },
    ],
    source: [
      { kind: "seed", ref: "002", note: "5. API Key Not Working" },
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html" },
      { kind: "issue", url: "https://github.com/anomalyco/opencode/issues/47073" },
    ],
  },
];
