import type { z } from "zod";
import { AppError } from "../errors";

/** One problem with one field of some input, as a person should read it. */
export interface FieldError {
  /** Dotted path as it appears in the input, e.g. `auth.user_pool_id` or `appSync.0.url`. */
  path: string;
  message: string;
}

/**
 * Flattens zod's issues into "field: what is wrong" pairs. Messages written in the schemas
 * already name the field in words; zod's own generic ones ("Invalid input") get the path prefixed
 * so that nothing reaches the screen without saying which field it is about.
 */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".") || "(root)";
    let message = issue.message;
    if (issue.code === "invalid_type" && /received undefined/.test(message)) {
      message = `${path} is required`;
    } else if (issue.code === "unrecognized_keys") {
      message = `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
    } else if (message.startsWith("Invalid input")) {
      message = `${path}: ${message.replace(/^Invalid input:?\s*/, "") || "invalid value"}`;
    }
    return { path, message };
  });
}

/** A typed failure, so callers can tell "your input is wrong" from a crash. */
export class ConfigInputError extends AppError {
  override readonly name = "ConfigInputError";
  declare readonly code: "invalid:config";
  constructor(
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super("invalid:config", message);
  }
}
