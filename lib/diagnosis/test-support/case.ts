import type { DiagnoseInput } from "../types";

/**
 * A labelled example for the rule tests and the precision figures.
 *   seed      the wording of the seed note the rule comes from — `rule` must rank first
 *   real      a wording seen in AWS docs or public issues (`from` says where) — `rule` must rank first
 *   near-miss close to `rule` but another cause — `rule` must not rank first; `first` is what must
 *             (null: nothing may match at all)
 */
export type Case =
  | { readonly kind: "seed" | "real"; readonly rule: string; readonly input: string | DiagnoseInput; readonly from: string }
  | { readonly kind: "near-miss"; readonly rule: string; readonly input: string | DiagnoseInput; readonly first: string | null; readonly from: string };

export const seed = (rule: string, from: string, input: string | DiagnoseInput): Case => ({ kind: "seed", rule, input, from });
export const real = (rule: string, from: string, input: string | DiagnoseInput): Case => ({ kind: "real", rule, input, from });
export const nearMiss = (rule: string, first: string | null, from: string, input: string | DiagnoseInput): Case => ({ kind: "near-miss", rule, input, first, from });
