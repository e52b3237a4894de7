import { code, msg, phrase, W } from "../signals";
import type { Rule } from "../types";

/** Developer tooling around the AWS calls: MCP, Python packaging, log queries, cost reports, pollers. */

export const toolingRules: readonly Rule[] = [
  {
    id: "mcp-proxy-connection",
    title: "The AWS MCP server (mcp-proxy-for-aws) does not connect",
    services: ["mcp", "aws-sdk"],
    signals: [
      phrase("Failed to connect to AWS MCP Server", 9, "the MCP client could not start or reach the server"),
      msg("mcp error -32000", String.raw`mcp error -32000:? connection closed`, 6, "the MCP server process exited"),
      phrase("mcp-proxy-for-aws", W.context, "the AWS MCP proxy"),
      msg("failed to connect", String.raw`mcp-proxy-for-aws.{0,80}failed to connect`, 6, "the AWS MCP proxy failed to connect"),
      msg("mcp", String.raw`mcp ?サーバー?.{0,20}(?:接続|起動)(?:でき|に失敗)`, 5, "MCP server connection failure (Japanese)"),
      phrase(".mcp.json", W.weak, "MCP configuration file"),
    ],
    cause:
      "The MCP client starts `npx mcp-proxy-for-aws` from .mcp.json. It fails when the entry is missing or malformed, npx cannot fetch the package, " +
      "or the proxy finds no AWS credentials/region in its own environment (it does not inherit an interactive shell's session).",
    fix: [
      { text: "Check the configuration entry.", snippet: { lang: "json", code: "\"aws\": {\n  \"command\": \"npx\",\n  \"args\": [\"-y\", \"mcp-proxy-for-aws@latest\"],\n  \"env\": { \"AWS_REGION\": \"us-east-1\", \"AWS_PROFILE\": \"<profile>\" }\n}" } },
      { text: "Run the proxy by hand to see its error, verify credentials with `aws sts get-caller-identity`, then restart the MCP client." },
    ],
    source: [{ kind: "seed", ref: "002", note: "9. AWS MCP Server Connection Issues" }, { kind: "issue", url: "https://github.com/aws/mcp-proxy-for-aws/pull/106" }],
  },
  {
    id: "uv-botocore-crt",
    title: "`aws login` credentials need botocore[crt] in the project's environment",
    services: ["aws-sdk", "python", "mcp"],
    signals: [
      phrase("Using the login credential provider requires an additional dependency", W.verbatim, "botocore's login provider"),
      msg("botocore[crt]", String.raw`install "?botocore\[crt\]"?`, 5, "botocore asks for the crt extra"),
      code("MissingDependencyException", W.hint, "botocore MissingDependencyException"),
      msg("aws login", String.raw`aws login.{0,40}(?:boto3|botocore).{0,20}エラー`, 5, "aws login then a boto3 error (Japanese)"),
    ],
    cause:
      "Credentials from `aws login` (login_session in ~/.aws/config) are read through botocore's CRT-based provider. `uv run` uses the project's .venv, " +
      "so installing botocore[crt] globally does not help; the project itself needs the extra.",
    fix: [{ text: "Add the extra to the project (or to uvx with --with).", snippet: { lang: "sh", code: "uv add 'botocore[crt]'\n# uvx --with 'botocore[crt]' <tool>" } }],
    source: [{ kind: "seed", ref: "000", note: "uv: AWS認証エラー" }, { kind: "issue", url: "https://github.com/awslabs/agentcore-samples/pull/1016" }],
  },
  {
    id: "pyaudio-build-failure",
    title: "PyAudio fails to build in a slim Python image (no compiler, no PortAudio)",
    services: ["docker", "python", "agentcore"],
    signals: [
      phrase("portaudio.h: No such file or directory", 9, "PortAudio headers missing"),
      phrase("Failed building wheel for pyaudio", W.strong, "PyAudio wheel build failed"),
      msg("building wheel for pyaudio", String.raw`building wheel for pyaudio .{0,40}did not run successfully`, W.strong, "PyAudio wheel build failed"),
      phrase("strands-agents[bidi]", W.weak, "the bidi extra pulls in PyAudio"),
      msg("pyaudio", String.raw`pyaudio.{0,20}ビルド(?:が)?失敗`, 6, "PyAudio build failure (Japanese)"),
    ],
    cause: "strands-agents[bidi] depends on PyAudio, which compiles against PortAudio. python:*-slim images have neither a C compiler nor the PortAudio headers.",
    fix: [{ text: "Install the build dependencies before pip.", snippet: { lang: "dockerfile", code: "RUN apt-get update && apt-get install -y --no-install-recommends \\\n    portaudio19-dev build-essential \\\n    && rm -rf /var/lib/apt/lists/*" } }],
    source: [{ kind: "seed", ref: "000", note: "Dockerfile: PyAudio ビルド失敗" }, { kind: "issue", url: "https://github.com/linto-ai/whisper-timestamped/issues/234" }],
  },
  {
    id: "cloudwatch-insights-datefloor-timezone",
    title: "Logs Insights: datefloor(@timestamp + 9h, …) gives odd hours; aggregate in UTC",
    services: ["cloudwatch"],
    signals: [
      msg("datefloor", String.raw`datefloor\(\s*@timestamp\s*[+-]\s*\d+h`, 7, "shifting @timestamp inside datefloor"),
      msg("タイムゾーン", String.raw`タイムゾーン.{0,20}(?:ズレ|ずれ)`, W.hint, "time zone shift (Japanese)"),
      msg("時刻", String.raw`時刻が(?:おかしい|ズレ|ずれ)`, W.context, "odd times (Japanese)"),
    ],
    cause: "Adding an offset to @timestamp inside datefloor() behaves inconsistently in CloudWatch Logs Insights; bins no longer line up with local hours.",
    fix: [{ text: "Aggregate in UTC and convert in the script.", snippet: { lang: "sh", code: "--query-string 'stats count(*) by datefloor(@timestamp, 1h) as hour_utc | sort hour_utc asc'\nJST_HOUR=$(( (10#$UTC_HOUR + 9) % 24 ))" } }],
    source: [{ kind: "seed", ref: "000", note: "CloudWatch Logs Insights: タイムゾーン変換で時刻がズレる" }],
  },
  {
    id: "cost-explorer-bedrock-costs",
    title: "Bedrock costs do not show in Cost Explorer (tags not activated, 24 h delay)",
    services: ["bedrock", "iam"],
    signals: [
      msg("cost explorer", String.raw`bedrock costs?.{0,60}cost explorer`, 6, "Bedrock costs missing from Cost Explorer"),
      msg("cost explorer", String.raw`cost explorer.{0,60}bedrock`, 5, "Cost Explorer without Bedrock costs"),
      msg("cost explorer", String.raw`cost explorer.{0,40}(?:表示されない|出ない)`, 5, "not shown in Cost Explorer (Japanese)"),
      msg("cost allocation tag", String.raw`cost allocation tags?`, W.weak, "cost allocation tags"),
    ],
    cause: "Costs are attributed by tags only after the tags are activated as cost allocation tags, and Cost Explorer updates about once a day.",
    fix: [{ text: "Activate the tags and wait a day before querying by tag.", snippet: { lang: "sh", code: "aws ce update-cost-allocation-tags-status --cost-allocation-tags-status TagKey=business-unit,Status=Active" } }],
    source: [{ kind: "seed", ref: "002", note: "8. Cost Explorer Not Showing Bedrock Costs" }, { kind: "doc", url: "https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/activating-tags.html" }],
  },
  {
    id: "bedrock-model-detector-duplicates",
    title: "New-model poller sends duplicate notifications (overwrite instead of union)",
    services: ["bedrock", "dynamodb", "lambda"],
    signals: [
      phrase("重複通知", 7, "duplicate notifications (Japanese)"),
      msg("同じモデル", String.raw`同じモデル.{0,20}(?:通知|メール).{0,20}(?:複数|何度)`, 6, "the same model notified repeatedly (Japanese)"),
      msg("duplicate ", String.raw`duplicate (?:new[- ]model )?(?:notification|email)s?`, 5, "duplicate notifications"),
      phrase("Bedrock Model Detector", W.weak, "the detector"),
    ],
    cause:
      "Right after a release, ListFoundationModels briefly drops and re-adds the new model. Saving each poll's result over the previous one forgets the " +
      "model in between, so it is detected as new again.",
    fix: [{ text: "Store the union of what was ever seen, so a model once detected stays known.", snippet: { lang: "python", code: "save_models(region, current_models | previous_models)" } }],
    source: [{ kind: "seed", ref: "000", note: "Bedrock Model Detector: 重複通知メール" }],
  },
];
