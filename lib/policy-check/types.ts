import type { Decision, StatementElement } from "../iam";

/** One IAM-signed call the environment's test calls make, and what IAM is asked for it. */
export interface RequiredCall {
  /** The test-call row it belongs to (`appsync-http`, `agentcore-ws` …), so a refused cell can point here. */
  row: string;
  label: string;
  action: string;
  /** Every resource the service evaluates; all must be allowed. Empty when `problem` says why none can be named. */
  resources: string[];
  problem?: string;
  /** Where the action and resource come from (AWS documentation). */
  source: string;
}

/**
 * How one statement fared. `unknown`: the statement holds a value the template import could not
 * resolve (an intrinsic function, a parameter), so whether it matches cannot be said.
 */
export type StatementOutcome = "allows" | "denies" | "no-match" | "unknown";

export interface StatementVerdict {
  /** "Trust policy", "Policy 1 (AppSyncAccess)" … */
  policy: string;
  index: number;
  sid?: string;
  effect: "Allow" | "Deny";
  outcome: StatementOutcome;
  /** Which element kept it from applying. */
  failedOn: StatementElement[];
  why: string;
  /** For an Allow whose action fits but whose Resource names something else: what it names and what it should name. */
  shouldName?: { names: string[]; needed: string; differences: string[] };
}

/** `Undecided`: the answer hangs on a statement whose values could not be resolved. */
export type CheckDecision = Decision | "Undecided";

export interface ResourceVerdict {
  resource: string;
  decision: CheckDecision;
  summary: string;
  statements: StatementVerdict[];
}

export interface CallVerdict {
  call: RequiredCall;
  /** The call's decision: every resource must be allowed. */
  decision: CheckDecision;
  resources: ResourceVerdict[];
}

/** A permission or trust policy, labelled for people, with values the import could not resolve named. */
export interface LabelledPolicy {
  label: string;
  document: unknown;
  /** Markers (see template/unresolved.ts) standing in for values that could not be resolved. */
  unresolved?: string[];
}
