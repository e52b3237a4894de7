import type { Case } from "./case";
import { AGENTCORE_CASES } from "./cases-agentcore";
import { AGENTCORE_RUNTIME_CASES } from "./cases-agentcore-runtime";
import { AUTH_CASES } from "./cases-auth";
import { AWS_CASES } from "./cases-aws";
import { BUILD_CASES } from "./cases-build";
import { LAMBDA_CASES } from "./cases-lambda";
import { SERVICE_CASES } from "./cases-service";
import { SESSION_CASES } from "./cases-session";
import { VERIFIER_CASES } from "./cases-verifiers";

export type { Case } from "./case";
export { UNRELATED } from "./unrelated";
export const CASES: readonly Case[] = [...AUTH_CASES, ...AGENTCORE_CASES, ...AGENTCORE_RUNTIME_CASES, ...AWS_CASES, ...BUILD_CASES, ...VERIFIER_CASES, ...SESSION_CASES, ...SERVICE_CASES, ...LAMBDA_CASES];
