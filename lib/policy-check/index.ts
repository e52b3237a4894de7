/** lib/policy-check: a role's trust and permission policies against the signed-in identity and the test calls. */
export { requiredCalls, apiIdFromUrl, gatewayIdFromUrl, type RequiredCallInputs } from "./required-calls";
export { checkCall, preparePolicies, type PermissionIdentity } from "./verdict";
export { checkTrust, identityAmr, type TrustVerdict, type WebIdentity } from "./trust";
export { importTemplate, type ImportedRole, type TemplateImport } from "./template";
export { operationFields } from "./graphql-fields";
export type { CallVerdict, CheckDecision, LabelledPolicy, RequiredCall, ResourceVerdict, StatementVerdict } from "./types";
