import { nearMiss, real, seed, type Case } from "./case";

/** Build, deploy and tooling incidents from the seeds. */

export const BUILD_CASES: readonly Case[] = [
  // amplify-outputs-missing
  seed("amplify-outputs-missing", "seed 000", "Cannot find module '../amplify_outputs.json'"),
  real("amplify-outputs-missing", "TypeScript in an Amplify Gen 2 app", "src/main.ts(5,21): error TS2307: Cannot find module '../amplify_outputs.json' or its corresponding type declarations."),
  real("amplify-outputs-missing", "Next.js/webpack", "Module not found: Error: Can't resolve '../amplify_outputs.json' in '/app/src'"),
  nearMiss("amplify-outputs-missing", null, "Amplify Gen 1 config (amplify-cli #13864)", "error TS2307: Cannot find module './amplifyconfiguration.json' or its corresponding type declarations."),

  // amplify-cdk-asset-publish
  seed("amplify-cdk-asset-publish", "seed 000", "[CDKAssetPublishError] CDK failed to publish assets"),
  real("amplify-cdk-asset-publish", "amplify-swift #3997", "3:06:23 PM [ERROR] [CDKAssetPublishError] CDK failed to publish assets\n  ∟ Caused by: [_ToolkitError] Failed to publish asset data/amplifyData/Todo/QueryListTodosDataResolverFn/Templateresolvers--Query.listTodos.res.vtl (current_account-current_region)"),
  real("amplify-cdk-asset-publish", "dabit3/cdk-graphql-backend #2", "AppsyncCdkAppStack failed: Error: Failed to publish one or more assets. See the error messages above for more information."),
  nearMiss("amplify-cdk-asset-publish", null, "npm", "npm ERR! 403 Failed to publish package @acme/foo: You do not have permission"),

  // amplify-docker-unavailable
  seed("amplify-docker-unavailable", "seed 000", "Unable to execute 'docker' in order to build a container asset"),
  real("amplify-docker-unavailable", "Amplify build log (shape)", "2025-01-10T10:00:00.000Z [WARNING]: ✖ Unable to execute 'docker' in order to build a container asset. Please install 'docker' and try again."),
  real("amplify-docker-unavailable", "aws-cdk #29883", "CdkBatchS3GlueTestStack:  fail: Unable to execute 'docker' in order to build a container asset. Please install 'docker' and try again."),
  nearMiss("amplify-docker-unavailable", null, "docker pull", "docker: Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login'"),

  // cdk-lambda-arm64-bundling
  seed("cdk-lambda-arm64-bundling", "seed 000", "Lambda実行時に ImportModuleError が発生（pydantic_core等のネイティブバイナリ）"),
  real("cdk-lambda-arm64-bundling", "pydantic #6557", "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'pydantic_core._pydantic_core'"),
  real("cdk-lambda-arm64-bundling", "native wheel for x86", "Runtime.ImportModuleError: Unable to import module 'lambda_function': /var/task/cryptography/hazmat/bindings/_rust.abi3.so: invalid ELF header"),
  nearMiss("cdk-lambda-arm64-bundling", null, "Node handler path", "Runtime.ImportModuleError: Unable to import module 'index': Cannot find module 'index'"),

  // s3-vectors-filterable-metadata
  seed("s3-vectors-filterable-metadata", "seed 000", "Knowledge BaseのSync時にエラー Filterable metadata must have at most 2048 bytes"),
  real("s3-vectors-filterable-metadata", "langchain-aws #693", "botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the PutVectors operation: Invalid record for key '<KEY>': Filterable metadata must have at most 2048 bytes"),
  real("s3-vectors-filterable-metadata", "llama_index #21062", "Invalid record for key '0d0cf068-94a4-4349-9ffc-96b166bd30dc': Filterable metadata must have at most 2048 bytes"),
  nearMiss("s3-vectors-filterable-metadata", null, "S3 object metadata", "MetadataTooLarge: Your metadata headers exceed the maximum allowed metadata size"),

  // mcp-proxy-connection
  seed("mcp-proxy-connection", "seed 002", "Error: Failed to connect to AWS MCP Server"),
  real("mcp-proxy-connection", "MCP client log", 'MCP server "aws" (npx -y mcp-proxy-for-aws@latest): MCP error -32000: Connection closed'),
  real("mcp-proxy-connection", "MCP client server list", "aws: npx -y mcp-proxy-for-aws@latest - ✗ Failed to connect"),
  nearMiss("mcp-proxy-connection", "uv-botocore-crt", "mcp-proxy-for-aws #106: the proxy's own credentials", 'RuntimeError: Client failed to connect: Missing Dependency: Using the login credential provider requires an additional dependency. You will need to pip install "botocore[crt]" before proceeding.'),
  nearMiss("mcp-proxy-connection", null, "database", "MongoServerSelectionError: Failed to connect to server localhost:27017"),

  // uv-botocore-crt
  seed("uv-botocore-crt", "seed 000", "`aws login`で認証したのにBoto3でエラー"),
  real("uv-botocore-crt", "agentcore-samples #1016", 'botocore.exceptions.MissingDependencyException: Missing Dependency: Using the login credential provider requires an additional dependency. You will need to pip install "botocore[crt]" before proceeding.'),
  real("uv-botocore-crt", "aws-cli #9949", 'ERROR: unexpected error - Missing Dependency: Using the login credential provider requires an additional dependency. You will need to pip install "botocore[crt]" before proceeding.'),
  nearMiss("uv-botocore-crt", "credentials-missing", "no credentials at all", "botocore.exceptions.NoCredentialsError: Unable to locate credentials"),
  real("uv-botocore-crt", "awslabs/mcp #1873", 'RuntimeError: Client failed to connect: Missing Dependency: Using the login credential provider requires an additional dependency. You will need to pip install "botocore[crt]" before proceeding.'),

  // pyaudio-build-failure
  seed("pyaudio-build-failure", "seed 000", "Docker ビルド時に strands-agents[bidi] のインストールで PyAudio のビルドが失敗する"),
  real("pyaudio-build-failure", "whisper-typer-tool #8", "src/pyaudio/device_api.c:9:10: fatal error: portaudio.h: No such file or directory"),
  real("pyaudio-build-failure", "linto-ai/whisper-timestamped #234", "5.837   × Building wheel for pyaudio (pyproject.toml) did not run successfully."),
  real("pyaudio-build-failure", "shricodev/siri-voice-llama3 #2", "ERROR: Failed building wheel for PyAudio"),
  nearMiss("pyaudio-build-failure", null, "another wheel", "ERROR: Failed building wheel for psycopg2"),

  // cloudwatch-insights-datefloor-timezone (no public wording found beyond the seed)
  seed("cloudwatch-insights-datefloor-timezone", "seed 000", "datefloor(@timestamp + 9h, 1h) でJSTに変換しているのに、結果の時刻がおかしい"),
  real("cloudwatch-insights-datefloor-timezone", "a query", "stats count(*) by datefloor(@timestamp + 9h, 1d) as day_jst"),
  nearMiss("cloudwatch-insights-datefloor-timezone", null, "the UTC query", "stats count(*) by datefloor(@timestamp, 1h) as hour_utc | sort hour_utc asc"),

  // cost-explorer-bedrock-costs
  seed("cost-explorer-bedrock-costs", "seed 002", "No Bedrock costs appear in Cost Explorer, even after using Bedrock."),
  seed("cost-explorer-bedrock-costs", "seed 002 (Japanese form)", "Bedrock のコストが Cost Explorer に表示されない"),
  nearMiss("cost-explorer-bedrock-costs", null, "a cost query", "aws ce get-cost-and-usage --time-period Start=2026-01-01,End=2026-01-31 --granularity MONTHLY --metrics BlendedCost"),

  // bedrock-model-detector-duplicates
  seed("bedrock-model-detector-duplicates", "seed 000", "新モデルリリース時に同じモデルの通知メールが複数回届く"),
  seed("bedrock-model-detector-duplicates", "seed 000 (title)", "Bedrock Model Detector: 重複通知メール"),
  nearMiss("bedrock-model-detector-duplicates", null, "no notification at all", "新モデルの通知メールが届かない"),
];
