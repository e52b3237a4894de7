import { AwsError } from "../http/aws-json";

/**
 * Request validation as Cognito identity's front end (Coral) does it. Unlike user pools, which
 * report constraint violations as InvalidParameterException, identity pools answer
 * ValidationException with Coral's standard text, e.g. (amplify-swift#2864, aws-sdk-cpp#1085):
 *   x-amzn-ErrorType: ValidationException:
 *   1 validation error detected: Value 'eu-west-1_abc' at 'identityPoolId' failed to satisfy
 *   constraint: Member must satisfy regular expression pattern: [\w-]+:[0-9a-f-]+
 * Several violations are joined with "; " after "N validation errors detected".
 */

/** The model's pattern for IdentityPoolId and IdentityId (both REGION:GUID). */
const ID_PATTERN_TEXT = "[\\w-]+:[0-9a-f-]+";
const ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;

interface IdSpec {
  name: string;
  required: boolean;
  maxLength: number;
}

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function serialization(message: string): AwsError {
  return new AwsError("SerializationException", message, 400, "Message");
}

/** Wrong JSON types fail before validation, as in Coral's deserializer. */
function assertString(name: string, value: unknown): void {
  if (value === undefined || value === null || typeof value === "string") return;
  if (Array.isArray(value)) throw serialization("Start of list found where not expected");
  if (typeof value === "object") throw serialization("Start of structure or map found where not expected.");
  throw serialization(`Unexpected field type for ${name}`);
}

function assertMap(value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "object" || Array.isArray(value)) throw serialization("Expected map or null");
  for (const entry of Object.values(value)) {
    if (entry !== null && typeof entry !== "string") throw serialization("Start of structure or map found where not expected.");
  }
}

function idProblems(spec: IdSpec, value: unknown): string[] {
  const at = `at '${camel(spec.name)}' failed to satisfy constraint: Member must`;
  if (value === undefined || value === null) return spec.required ? [`Value null ${at} not be null`] : [];
  const text = value as string;
  const problems: string[] = [];
  if (text.length < 1) problems.push(`Value '${text}' ${at} have length greater than or equal to 1`);
  if (text.length > spec.maxLength) problems.push(`Value '${text}' ${at} have length less than or equal to ${spec.maxLength}`);
  if (!ID_PATTERN.test(text)) problems.push(`Value '${text}' ${at} satisfy regular expression pattern: ${ID_PATTERN_TEXT}`);
  return problems;
}

interface ParsedIds {
  ids: Record<string, string>;
  logins: Record<string, string>;
  strings: Record<string, string | undefined>;
}

/**
 * Checks the id members (REGION:GUID, up to 55 characters), the optional Logins map and any
 * plain optional strings an operation takes; throws the error Coral would.
 */
export function parseIdentityInput(input: Record<string, unknown>, idMembers: readonly string[], optionalStrings: readonly string[] = []): ParsedIds {
  for (const name of [...idMembers, ...optionalStrings]) assertString(name, input[name]);
  assertMap(input["Logins"]);
  const problems = idMembers.flatMap((name) => idProblems({ name, required: true, maxLength: 55 }, input[name]));
  if (problems.length > 0) {
    const count = problems.length === 1 ? "1 validation error detected" : `${problems.length} validation errors detected`;
    throw new AwsError("ValidationException", `${count}: ${problems.join("; ")}`);
  }
  const raw = (input["Logins"] ?? {}) as Record<string, unknown>;
  const logins = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"));
  return {
    ids: Object.fromEntries(idMembers.map((name) => [name, input[name] as string])),
    logins,
    strings: Object.fromEntries(optionalStrings.map((name) => [name, input[name] as string | undefined])),
  };
}
