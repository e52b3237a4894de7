export { AppError, visitorMessage } from "./app-error";
export { isErrorCode, kindOf, statusOf } from "./kinds";
export type { AwsAnswer, AwsPrediction, AwsRefusal } from "./aws-answer";
