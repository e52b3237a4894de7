import type { AwsAnswer } from "./aws-answer";
import { shownToVisitor, statusOf, type ErrorCode } from "./kinds";

/**
 * The one base of every error this code base throws on purpose. The code (kinds.ts) decides the
 * HTTP status and whether the message may be shown; subclasses add only what their callers read.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  /** The HTTP status an API route answers with, derived from the code. */
  readonly status: number;
  /** Whether `message` may reach a visitor as written (derived from the code). */
  readonly shownToVisitor: boolean;
  /** What AWS answered, when AWS's answer is what went wrong. */
  readonly answer?: AwsAnswer;

  constructor(code: ErrorCode, message: string, answer?: AwsAnswer) {
    super(message);
    this.code = code;
    this.status = statusOf(code, answer?.status);
    this.shownToVisitor = shownToVisitor(code);
    if (answer) this.answer = answer;
  }
}

/** The message as a visitor may see it: as written, or `fallback` when the code's kind hides it. */
export const visitorMessage = (error: AppError, fallback: string): string => (error.shownToVisitor ? error.message : fallback);
