export { AppError, isAppError, visitorMessage } from "./app-error";
export { ERROR_KINDS, isErrorCode, kindOf, shownToVisitor, statusOf, type ErrorCode, type ErrorKind, type ErrorKindRule } from "./kinds";
export type { AwsAnswer, AwsPrediction, AwsRefusal } from "./aws-answer";
