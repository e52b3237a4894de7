/** lib/iam: IAM policy documents — parse, evaluate, explain; trust checks for Cognito identity pools. */
export {
  policyDocumentSchema,
  statementSchema,
  type PolicyDocument,
  type PolicyStatement,
  type PrincipalValue,
  type ConditionBlock,
} from "./schema";
export {
  parsePolicyDocument,
  assertPolicyDocument,
  formatIssue,
  PolicyParseError,
  type PolicyIssue,
  type ParsePolicyResult,
  type PolicyParseErrorCode,
} from "./parse";
export {
  evaluatePolicies,
  type Decision,
  type EvaluationRequest,
  type EvaluationResult,
  type StatementResult,
} from "./evaluate";
export type { ConditionResult } from "./conditions";
export type { RequestContext } from "./context";
export type { RequestPrincipal, PrincipalType } from "./principal";
export { isKnownOperator, parseOperator, type BaseOperator, type SetQualifier } from "./operators";
export { appSyncFieldArn, appSyncApiArn, parseArn, formatArn, arnLike, type Arn } from "./arn";
export {
  evaluateTrustForWebIdentity,
  cognitoUserPoolAmr,
  COGNITO_IDENTITY_PROVIDER,
  COGNITO_UNAUTHENTICATED_AMR,
  ASSUME_ROLE_WITH_WEB_IDENTITY,
  STS_TRUST_DENIED,
  type WebIdentityTrustRequest,
  type WebIdentityTrustResult,
} from "./trust";
