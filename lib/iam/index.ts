/** lib/iam: IAM policy documents — parse, evaluate, explain; trust checks for Cognito identity pools. */
export {
  type PolicyDocument,
  type PrincipalValue,
} from "./schema";
export {
  parsePolicyDocument,
  assertPolicyDocument,
  formatIssue,
  PolicyParseError,
  type PolicyIssue,
} from "./parse";
export {
  evaluatePolicies,
  type Decision,
  type EvaluationRequest,
  type EvaluationResult,
  type StatementResult,
} from "./evaluate";
export type { StatementElement } from "./statement";
export type { RequestContext } from "./context";
export type { RequestPrincipal } from "./principal";
export { appSyncFieldArn, appSyncApiArn, parseArn, formatArn, arnLike } from "./arn";
export {
  evaluateTrustForWebIdentity,
  cognitoUserPoolAmr,
  COGNITO_UNAUTHENTICATED_AMR,
  STS_TRUST_DENIED,
} from "./trust";
