import { AwsError } from "../http/aws-json";

/**
 * Request validation the way Coral (AWS's service framework) does it, in two stages:
 *  1. deserialization: a member of the wrong JSON type is a SerializationException
 *     ("Start of structure or map found where not expected.", "Expected map or null" are
 *     texts users have reported from Cognito: amplify-js#5165, amplify-js#4738);
 *  2. validation: missing required members are listed in one InvalidParameterException,
 *     "1 validation error detected: Value null at 'clientId' failed to satisfy constraint:
 *     Member must not be null" (the pattern of Cognito's own messages; member names are
 *     lower camel case).
 */

type MemberType = "string" | "map" | "structure";
interface MemberSpec {
  type: MemberType;
  required?: boolean;
  /** Allowed values; Coral reports others as an enum constraint violation. */
  enum?: readonly string[];
}
type InputSpec = Record<string, MemberSpec>;

type Parsed<S extends InputSpec> = {
  [K in keyof S]: S[K]["type"] extends "structure"
    ? Record<string, unknown> | undefined
    : S[K]["type"] extends "map"
    ? S[K]["required"] extends true
      ? Record<string, string>
      : Record<string, string> | undefined
    : S[K]["required"] extends true
      ? string
      : string | undefined;
};

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function checkType(name: string, value: unknown, type: MemberType): void {
  if (value === undefined || value === null) return;
  if (type === "string") {
    if (typeof value === "object") {
      throw new AwsError("SerializationException", Array.isArray(value)
        ? "Start of list found where not expected"
        : "Start of structure or map found where not expected.", 400, "Message");
    }
    if (typeof value !== "string") throw new AwsError("SerializationException", `Unexpected field type for ${name}`, 400, "Message");
    return;
  }
  if (type === "structure") {
    // Members are checked by the operation; a structure must at least be an object.
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new AwsError("SerializationException", `Unexpected field type for ${name}`, 400, "Message");
    }
    return;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new AwsError("SerializationException", "Expected map or null", 400, "Message");
  }
  for (const entry of Object.values(value)) {
    if (entry !== null && typeof entry !== "string") {
      throw new AwsError("SerializationException", "Start of structure or map found where not expected.", 400, "Message");
    }
  }
}

export function parseInput<S extends InputSpec>(input: Record<string, unknown>, spec: S): Parsed<S> {
  for (const [name, member] of Object.entries(spec)) checkType(name, input[name], member.type);

  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(spec)) {
    const value = input[name];
    if (value === undefined || value === null) {
      if (member.required) problems.push(`Value null at '${camel(name)}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    if (member.enum && !member.enum.includes(value as string)) {
      problems.push(
        `Value '${String(value)}' at '${camel(name)}' failed to satisfy constraint: ` +
          `Member must satisfy enum value set: [${member.enum.join(", ")}]`,
      );
      continue;
    }
    if (member.type === "structure") {
      out[name] = value;
    } else if (member.type === "map") {
      // null map values are dropped, as Coral does when it builds the map.
      out[name] = Object.fromEntries(Object.entries(value as object).filter(([, v]) => typeof v === "string"));
    } else {
      out[name] = value;
    }
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? "1 validation error detected" : `${problems.length} validation errors detected`;
    throw new AwsError("InvalidParameterException", `${count}: ${problems.join("; ")}`);
  }
  return out as Parsed<S>;
}
