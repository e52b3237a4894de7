import { code, concept, msg, phrase, status, variant, W } from "../signals";
import type { Rule } from "../types";

/** AWS credentials and request signing, whatever the service: none, unknown, badly signed, late. */

const ALL: Rule["services"] = ["aws-sdk", "sts", "iam", "bedrock", "appsync", "agentcore", "identity-pool", "lambda", "cdk", "amplify", "mcp", "s3-vectors", "dynamodb"];

export const awsCredentialRules: readonly Rule[] = [
  {
    id: "credentials-missing",
    title: "No AWS credentials found by the SDK or CLI",
    services: ALL,
    signals: [
      concept("profile", String.raw`\b(?:aws_)?profile\b`, "a profile"),
      concept(".aws/", String.raw`~?/?\.aws/(?:credentials|config)\b`, "~/.aws/credentials"),
      concept("not ", String.raw`\bnot (?:set|configured|found)\b`, "something not set"),
      phrase("Unable to locate credentials", 9, "boto3 / AWS CLI"),
      phrase("Could not load credentials from any providers", 9, "AWS SDK for JavaScript"),
      phrase("Missing credentials in config", W.strong, "AWS SDK for JavaScript v2"),
      phrase("Unable to load AWS credentials from any provider in the chain", 9, "AWS SDK for Java"),
      phrase("no valid credential sources", W.strong, "AWS SDK for Go / Terraform"),
      code("NoCredentialsError", 6, "botocore"),
      code("CredentialsProviderError", W.hint, "AWS SDK for JavaScript v3"),
      // aws/aws-sdk-java-v2 core/auth/…/credentials/AwsCredentialsProviderChain.java.
      phrase("Unable to load credentials from any of the providers in the chain", 9, "AWS SDK for Java v2"),
      // aws/aws-sdk-net sdk/src/Core/Amazon.Runtime/Credentials/DefaultAWSCredentialsIdentityResolver.cs.
      phrase("Failed to resolve AWS credentials. The credential providers used to search for credentials", 9, "AWS SDK for .NET"),
      // aws/aws-sdk-go-v2 credentials/ec2rolecreds (the chain's last stop, off EC2) and aws/aws-sdk-go aws/credentials/chain_provider.go.
      phrase("no EC2 IMDS role found", W.strong, "AWS SDK for Go v2 fell through to the instance metadata service"),
      code("NoCredentialProviders", W.strong, "AWS SDK for Go v1: no valid providers in chain"),
      // botocore/exceptions.py ProfileNotFound and PartialCredentialsError; aws/aws-sdk-js-v3 credential-provider-ini
      // ("Profile … was not found.", "Could not resolve credentials using profile: […]").
      msg("could not be found", String.raw`the config profile \([^)\n]*\) could not be found`, W.strong, "botocore: AWS_PROFILE names a profile that does not exist"),
      msg("could not resolve credentials using profile", String.raw`could not resolve credentials using profile: \[`, W.strong, "AWS SDK for JavaScript v3: the profile has no usable credentials"),
      msg("partial credentials found in", String.raw`partial credentials found in \S+, missing:`, W.specific, "botocore: only part of a key pair is set"),
      // aws/aws-sdk-js-v3 credential-provider-sso: no SSO login for the profile (an expired one is token-expired).
      msg("was not found or is invalid", String.raw`the sso session token associated with profile=\S* was not found or is invalid`, W.specific, "no SSO login for this profile"),
      // smithy-lang/smithy-typescript packages/credential-provider-imds: the chain ended at the instance metadata service.
      msg("instance metadata service", String.raw`(?:unable to connect to|timeouterror from) instance metadata service`, W.specific, "the SDK fell through to the instance metadata service"),
      // (aws-amplify's NoCredentials for an authMode "iam" call — nobody signed in, guest access off — is amplify-not-signed-in.)
      // Amplify JS (v5 Credentials) when it could get no AWS credentials at all.
      msg("no credentials", String.raw`\bno credentials\b`, 5, "Amplify found no credentials"),
      // The same finding in people's words: credentials not set, not configured, not found.
      msg("credentials", String.raw`\b(?:aws )?credentials (?:are |were |is |was )?(?:not|never) (?:set|configured|found|provided|available|loaded)\b`, 5, "credentials are not set up"),
      // With nothing configured the SDKs end the chain at the EC2 instance metadata service, which
      // off EC2 times out: the stack names the IMDS provider or its address.
      phrase("Unable to resolve AWS account to use", W.strong, "the CDK CLI found no credentials"),
      // `aws configure list` with nothing configured.
      msg("<not set>", String.raw`access_key\s+<not set>`, W.strong, "the CLI has no access key"),
      msg("credential-provider-imds", "credential-provider-imds", W.specific, "the SDK fell through to the instance metadata service"),
      msg("169.254.169.254", String.raw`169\.254\.169\.254`, W.context, "the instance metadata address"),
      msg("認証情報", String.raw`認証情報(?:が)?(?:見つかりません|ありません|設定されていません)`, 6, "no credentials (Japanese)"),
      // aws/bedrock-agentcore-starter-toolkit src/bedrock_agentcore_starter_toolkit/utils/aws.py ensure_valid_aws_creds
      // (NoCredentialsError / PartialCredentialsError from botocore).
      phrase("No AWS credentials found", W.strong, "the AgentCore starter toolkit found no credentials"),
      phrase("AWS credentials are incomplete or misconfigured", W.specific, "the AgentCore starter toolkit found part of a key pair"),
    ],
    cause:
      "The default provider chain found nothing: no environment variables, no profile (or AWS_PROFILE names one that does not exist), no SSO/login " +
      "session, no container or instance role. Common in a fresh shell, a CI job, a container without a task role, or a tool that runs in its own environment.",
    fix: [
      { text: "Configure credentials, then verify who you are.", snippet: { lang: "sh", code: "aws configure                      # or: aws sso login --profile <p> / aws login\nexport AWS_PROFILE=<profile>\naws sts get-caller-identity" } },
      { text: "In containers and Lambda give the task/function a role instead of keys; in CI use OIDC (configure-aws-credentials)." },
    ],
    source: [
      { kind: "seed", ref: "002", note: "1. AWS Credentials Not Configured" },
      { kind: "issue", url: "https://github.com/aws/aws-sdk-js-v3/issues/2137" },
      { kind: "issue", url: "https://github.com/aws/aws-sdk-js/issues/3672" },
    ],
  },
  {
    id: "credentials-invalid",
    title: "AWS does not recognise the access key (wrong, deleted, or mixed with another session token)",
    services: ALL,
    signals: [
      concept("aws_", String.raw`\baws_(?:access_key_id|secret_access_key|session_token)\b`, "the key environment variables"),
      concept("access key", String.raw`\baccess key(?: id)?\b`, "the access key"),
      concept("session token", String.raw`\bsession token\b`, "the session token"),
      concept("invalid", String.raw`\binvalid\b`, "an invalid value"),
      phrase("The security token included in the request is invalid", W.strong, "STS/SigV4: unknown key or token"),
      code("InvalidClientTokenId", 7, "query-protocol services"),
      code("UnrecognizedClientException", 7, "JSON-protocol services"),
      phrase("The AWS Access Key Id you provided does not exist in our records", 9, "S3: unknown access key"),
      code("InvalidAccessKeyId", 6, "S3: unknown access key"),
      // Amazon EC2 API error codes (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html): AuthFailure.
      phrase("AWS was not able to validate the provided access credentials", 9, "EC2: unknown or invalid credentials"),
      // Amazon S3 error responses (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html): InvalidToken.
      phrase("The provided token is malformed or otherwise invalid", W.strong, "S3: the session token is not valid"),
      // aws/bedrock-agentcore-starter-toolkit src/bedrock_agentcore_starter_toolkit/utils/aws.py (InvalidClientTokenId /
      // UnrecognizedClientException from STS).
      phrase("AWS credentials are invalid", W.specific, "the AgentCore starter toolkit: STS does not know the key"),
      variant(["iam"], W.generic, "SigV4 credentials"),
    ],
    cause:
      "The access key id is unknown to AWS: a typo or quotes in the variable, a deleted/rotated key, keys for another partition, or a long-term key combined " +
      "with a stale AWS_SESSION_TOKEN left in the environment (the session token then belongs to other credentials).",
    fix: [
      { text: "Check what the SDK actually uses and clear leftovers.", snippet: { lang: "sh", code: "env | grep ^AWS_\nunset AWS_SESSION_TOKEN   # when using long-term keys\naws sts get-caller-identity" } },
      { text: "Create a fresh key or session; for identity-pool credentials fetch new ones rather than reusing cached ones." },
    ],
    source: [
      { kind: "seed", ref: "002", note: "5. API Key Not Working: The security token included in the request is invalid" },
      { kind: "issue", url: "https://github.com/anthropics/anthropic-sdk-typescript/issues/537" },
      { kind: "issue", url: "https://github.com/vercel/ai/issues/4163" },
    ],
  },
  {
    id: "sigv4-signature-mismatch",
    title: "SigV4 signature does not match (wrong secret, region, service, or a modified request)",
    services: ALL,
    signals: [
      concept("署名", String.raw`署名`, "the signature (Japanese)"),
      concept("signature", String.raw`\bsignatures?\b`, "the signature"),
      concept("sig", String.raw`\bsig ?v4\b`, "SigV4"),
      concept("canonical", String.raw`\bcanonical request\b`, "the canonical request"),
      concept("secret", String.raw`\bsecret (?:access )?key\b`, "the secret key"),
      phrase("The request signature we calculated does not match the signature you provided", 9, "AWS recomputed another signature"),
      msg("credential should be scoped", String.raw`credential should be scoped (?:to a valid region|to correct service)`, 9, "signed for another region or service"),
      code("SignatureDoesNotMatch", 6, "query-protocol services"),
      // The finding in words: the signatures do not match (AWS recomputed another one).
      msg("signature", String.raw`\bsignatures? (?:does ?n[o']t|did ?n[o']t|do not|don't|never) match\b`, 5, "the signatures do not match"),
      msg("署名", String.raw`署名(?:が|は)?(?:一致しない|一致しません|不一致|合わない)`, 5, "the signatures do not match (Japanese)"),
      msg("signature ", String.raw`signature (?:expired|not\s+yet current)`, -6, "a signing time out of range: the clock, not the signature"),
      msg("skew", String.raw`clock ?skew`, -3, "the reporter points at the clock"),
      code("InvalidSignatureException", 6, "JSON-protocol services and AppSync"),
      code("IncompleteSignatureException", 5, "required SigV4 parts missing"),
      variant(["iam"], W.generic, "SigV4 credentials"),
      // A bearer token has no signature to mismatch: the endpoint wanted SigV4 (agentcore-auth-method-mismatch).
      variant(["jwt"], -W.hint, "a bearer token was sent, not a signature"),
      status([403], W.generic, "refused"),
    ],
    cause:
      "AWS recomputed the signature and got another one: the secret key does not belong to the key id, the request was signed for another region or " +
      "service name (appsync, bedrock-agentcore, execute-api), or the request changed after signing (host, path encoding, body, a header added by a proxy).",
    fix: [
      { text: "Sign with the service's signing name and the endpoint's region, and send exactly what was signed.", snippet: { lang: "ts", code: "new SignatureV4({ service: 'appsync', region: 'ap-northeast-1', credentials, sha256: Sha256 });" } },
      { text: "Compare the canonical request AWS describes in the error with yours; re-encode the path once (AgentCore ARNs are encoded once in the URL)." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-js/issues/2422" },
    ],
  },
  {
    id: "sigv4-clock-skew",
    title: "Signed request too old or from the future (clock skew, reused presigned URL)",
    services: ALL,
    signals: [
      concept("時刻", String.raw`時刻`, "the clock (Japanese)"),
      concept("署名", String.raw`署名`, "the signature (Japanese)"),
      concept("clock", String.raw`\bclocks?\b`, "the clock"),
      concept("signature", String.raw`\bsignatures?\b`, "the signature"),
      concept("time", String.raw`\btime (?:is )?(?:wrong|off|behind|ahead)\b`, "a wrong time"),
      // AWS's wording is "Signature expired: <X-Amz-Date> is now earlier than <now - 5 min>"; logs and
      // issue reports often elide or reformat the two times, so only the frame is required.
      msg("signature expired", String.raw`signature expired:.{0,40}?is now earlier than`, 9, "the signature's time is too old"),
      msg("signature not", String.raw`signature not\s+yet current`, 9, "the signature's time is in the future"),
      code("RequestTimeTooSkewed", W.strong, "S3 clock skew"),
      code("RequestExpired", 5, "the request (or presigned URL) expired"),
      phrase("Request has expired", 5, "the request (or presigned URL) expired"),
      msg("skew", String.raw`clock ?skew`, W.context, "clock skew"),
      // A clock said to be off, in words: out of sync, drifting, minutes behind or ahead (the signing time AWS checks).
      msg("clock", String.raw`\bclocks?\b[^.\n]{0,40}\b(?:out of sync|not in sync|drift(?:ed|ing|s)?|skewed|behind|ahead|off by|slower|faster|lagging)\b`, 5, "the machine's clock is off"),
      msg("時刻", String.raw`時刻(?:が|の)?(?:ずれ|ズレ|狂|同期されていな)`, 5, "the clock is off (Japanese)"),
      msg("時計", String.raw`時計(?:が|の)?(?:ずれ|ズレ|狂|遅れ|進ん)`, 5, "the clock is off (Japanese)"),
      // Amazon S3 error responses (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html): RequestTimeTooSkewed.
      phrase("The difference between the request time and the current time is too large", 9, "S3: the request time is off"),
      // smithy-lang/smithy-typescript packages/service-error-classification/src/constants.ts CLOCK_SKEW_ERROR_CODES.
      code("RequestInTheFuture", W.strong, "the signing time is ahead of AWS's clock"),
      // The same answer with its two times cut off (botocore prints the message as AWS sent it; a log may keep only the head).
      msg("signature expired", String.raw`\bsignature expired\b`, 5, "the signature's time is too old"),
    ],
    cause:
      "AWS accepts a signature within 5 minutes of its own clock (presigned URLs until X-Amz-Expires). A machine clock that drifted, a container with a " +
      "wrong time, or a presigned WebSocket URL reused after its expiry is refused.",
    fix: [
      { text: "Sync the clock (NTP) and presign right before connecting; the SDKs correct small skews on retry.", snippet: { lang: "sh", code: "date -u; curl -sI https://sts.amazonaws.com | grep -i '^date'" } },
    ],
    source: [{ kind: "doc", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html" }, { kind: "issue", url: "https://github.com/aws/aws-sdk-go/pull/253" }],
  },
];
