import { authorizer, msg, phrase, W } from "../signals";
import type { Rule } from "../types";

/** AgentCore operations: gateway policy engine, observability, log queries, container architecture. */

export const agentcoreOpsRules: readonly Rule[] = [
  {
    id: "agentcore-gateway-policy-iam",
    title: "Gateway policy engine in ENFORCE mode on an AWS_IAM gateway: Policy Evaluation Internal Failure",
    services: ["agentcore-gateway", "agentcore"],
    signals: [
      phrase("Policy Evaluation Internal Failure", 9, "the policy engine could not evaluate"),
      phrase("Tool Execution Denied", W.context, "a tool call refused by the gateway's policy engine"),
      phrase("AgentCore::OAuthUser", W.context, "the Cedar principal type (built from the JWT sub)"),
      msg("モード", String.raw`enforce\s*モード`, W.weak, "ENFORCE mode (Japanese)"),
      msg("enforcementmode", String.raw`enforcementmode"?\s*[:=]\s*"?enforce`, W.weak, "ENFORCE mode"),
      authorizer("aws-iam", W.weak, "the gateway uses AWS_IAM"),
    ],
    cause:
      "The policy engine's Cedar schema builds the principal as AgentCore::OAuthUser from the JWT's sub. An AWS_IAM gateway has no JWT, so in ENFORCE " +
      "mode every tools/list and tools/call fails with an internal failure (LOG_ONLY lets them through). authorizerType cannot be changed on an existing gateway.",
    fix: [
      { text: "Create a new gateway with CUSTOM_JWT inbound auth and attach the policy engine to it.", snippet: { lang: "python", code: "agentcore.create_gateway(\n    name=\"my-gateway\",\n    authorizerType=\"CUSTOM_JWT\",\n    authorizerConfiguration={\"customJWTAuthorizer\": {\"discoveryUrl\": \"https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/openid-configuration\", \"allowedClients\": [\"<client id>\"]}},\n    policyEngineConfiguration={\"enforcementMode\": \"ENFORCE\", ...},\n)" } },
      { text: "Policies using principal.hasTag(\"department\") need that claim in the token (pre-token-generation trigger)." },
    ],
    source: [{ kind: "seed", ref: "000", note: "AgentCore Gateway Policy: ENFORCE モードが AWS_IAM で Internal Failure" }],
  },
  {
    id: "agentcore-observability-no-traces",
    title: "AgentCore Observability shows no traces (OTEL packages, CMD, env, import path, Transaction Search)",
    services: ["agentcore", "cloudwatch", "cdk"],
    signals: [
      phrase("from bedrock_agentcore.runtime import BedrockAgentCoreApp", 6, "the import path that produces no traces"),
      msg("トレース", String.raw`トレースが(?:出ない|出力されない|表示されない)`, 6, "no traces (Japanese)"),
      msg("メトリクス", String.raw`メトリクスが(?:全て|すべて)0`, 5, "all metrics zero (Japanese)"),
      msg("no traces", String.raw`\bno traces\b`, W.hint, "no traces"),
      msg("traces", String.raw`\btraces (?:are )?not (?:showing|appearing|displayed|exported)`, 5, "traces not showing"),
      phrase("strands-agents[otel]", W.weak, "the OTEL extra"),
      phrase("aws-opentelemetry-distro", W.weak, "ADOT distro"),
      phrase("AGENT_OBSERVABILITY_ENABLED", W.weak, "observability env"),
      phrase("Transaction Search", W.weak, "CloudWatch Transaction Search"),
      phrase("TransactionSearchXRayAccess", W.weak, "the X-Ray log resource policy"),
    ],
    cause:
      "Traces need all of: strands-agents[otel] and aws-opentelemetry-distro installed; CMD run under opentelemetry-instrument; the OTEL environment " +
      "variables set; BedrockAgentCoreApp imported from bedrock_agentcore (not bedrock_agentcore.runtime); and, once per account, Transaction Search " +
      "enabled with its log resource policy. One missing piece and the dashboard stays at zero.",
    fix: [
      { text: "requirements.txt: strands-agents[otel] and aws-opentelemetry-distro; Dockerfile: CMD [\"opentelemetry-instrument\", \"python\", \"agent.py\"]." },
      { text: "Set the environment and fix the import.", snippet: { lang: "ts", code: "environmentVariables: {\n  AGENT_OBSERVABILITY_ENABLED: 'true',\n  OTEL_PYTHON_DISTRO: 'aws_distro',\n  OTEL_PYTHON_CONFIGURATOR: 'aws_configurator',\n  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',\n}\n// agent.py: from bedrock_agentcore import BedrockAgentCoreApp" } },
      { text: "Check the account-level setup.", snippet: { lang: "sh", code: "aws xray get-trace-segment-destination --region us-east-1   # CloudWatchLogs, ACTIVE\naws logs describe-resource-policies --region us-east-1      # TransactionSearchXRayAccess" } },
    ],
    source: [{ kind: "seed", ref: "000", note: "AgentCore Observability: トレースが出力されない" }, { kind: "seed", ref: "004", note: "Enable Transaction Search first" }],
  },
  {
    id: "agentcore-otel-log-count",
    title: "Logs Insights counts zero invocations once OTEL logging is on",
    services: ["agentcore", "cloudwatch"],
    signals: [
      msg("filter @message like /invocations/", String.raw`filter @message like /invocations/`, 5, "counting invocations by message text"),
      msg("otel", String.raw`\botel.{0,20}(?:ログ形式|log format|json)`, W.hint, "OTEL-format logs"),
      phrase("件数が0", W.weak, "the count is zero (Japanese)"),
    ],
    cause: "With OTEL enabled the runtime writes JSON (OTEL) records, so patterns written for the old plain-text lines (invocations, POST) no longer match.",
    fix: [
      { text: "Count distinct session ids from the OTEL records.", snippet: { lang: "text", code: "parse @message /\"session\\.id\":\\s*\"(?<sid>[^\"]+)\"/\n| filter ispresent(sid)\n| stats count_distinct(sid) as sessions" } },
    ],
    source: [{ kind: "seed", ref: "000", note: "AgentCore: OTELログ形式でinvocationがカウントできない" }],
  },
  {
    id: "agentcore-runtime-arm64",
    title: "AgentCore runtime container is not built for linux/arm64",
    services: ["agentcore", "docker", "cdk"],
    signals: [
      phrase("exec format error", W.hint, "a binary for another CPU architecture"),
      msg("linux/arm64", String.raw`--platform[ =]linux/arm64`, W.weak, "an arm64 build"),
      msg("arm64", String.raw`arm64(?:必須| only| required)`, W.context, "the arm64 requirement"),
      phrase("bedrock-agentcore", W.weak, "AgentCore context"),
      msg("agentcore", "agentcore", W.generic, "AgentCore"),
      msg("linux/arm64", String.raw`--platform[ =]linux/arm64[^\n]{0,200}\b(?:exited with error|failed)\b`, W.hint, "the arm64 image build failed"),
      msg("arm", String.raw`\barm(?:64)? architecture\b`, W.context, "the ARM architecture"),
      msg("architecture", String.raw`\b(?:amd|amd64|x86|x86_64|intel) architecture\b`, W.weak, "built on an x86 machine"),
    ],
    cause: "AgentCore Runtime runs arm64 containers only. Building on x86 without buildx/QEMU fails with exec format error, and an amd64 image cannot start.",
    fix: [
      { text: "Build for arm64 (buildx with QEMU, CodeBuild on arm, or CDK's platform option).", snippet: { lang: "sh", code: "docker buildx build --platform linux/arm64 -t <repo>:<tag> --push ." } },
    ],
    source: [{ kind: "seed", ref: "004", note: "ECR: ARM64必須" }, { kind: "issue", url: "https://github.com/aws-samples/generative-ai-use-cases/issues/1233" }],
  },
];
