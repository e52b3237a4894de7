/** The diagnosis knowledge base: known causes of AWS auth (and nearby) failures, and the matcher. */
export { diagnose, MIN_SCORE } from "./engine";
export { parseFailureText } from "./input";
export { diagnosisLink, diagnosisUrl } from "./links";
export { ruleIdFromHash } from "./rule-ids";
export { RULES } from "./rules";
export type { DiagnoseInput, FixStep, Match, MatchedSignal, Rule, Signal, Source, Variant } from "./types";
