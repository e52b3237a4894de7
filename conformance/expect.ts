import { isDeepStrictEqual } from "node:util";
import type { Answer } from "./answer";
import type { Expectation } from "./schema";

/** Compares an answer with a case's expectation; each difference is one line a reader can act on. */

/** `errors[0].errorType` → the value, or `undefined` when any step is missing. */
export function pathValue(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (value === null || value === undefined) return undefined;
    if (part.startsWith("[")) {
      value = Array.isArray(value) ? value[Number(part.slice(1, -1))] : undefined;
    } else {
      value = typeof value === "object" && Object.hasOwn(value as object, part) ? (value as Record<string, unknown>)[part] : undefined;
    }
  }
  return value;
}

const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v));

export function differences(answer: Answer, expect: Expectation): string[] {
  const out: string[] = [];
  if (expect.status !== undefined && answer.status !== expect.status) out.push(`status: expected ${expect.status}, got ${answer.status}`);
  if (expect.errorType !== undefined && answer.errorType !== expect.errorType) out.push(`error type: expected ${expect.errorType}, got ${show(answer.errorType)}`);
  if (expect.message !== undefined && answer.message !== expect.message) out.push(`message: expected ${show(expect.message)}, got ${show(answer.message)}`);
  if (expect.messageStartsWith !== undefined && !(answer.message ?? "").startsWith(expect.messageStartsWith)) {
    out.push(`message: expected to start with ${show(expect.messageStartsWith)}, got ${show(answer.message)}`);
  }
  for (const [path, want] of Object.entries(expect.fields ?? {})) {
    const got = pathValue(answer.json, path);
    if (!isDeepStrictEqual(got, want)) out.push(`${path}: expected ${show(want)}, got ${show(got)}`);
  }
  for (const path of expect.present ?? []) if (pathValue(answer.json, path) === undefined) out.push(`${path}: expected present, is absent`);
  for (const path of expect.absent ?? []) {
    const got = pathValue(answer.json, path);
    if (got !== undefined) out.push(`${path}: expected absent, got ${show(got)}`);
  }
  for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
    const got = answer.headers[name.toLowerCase()];
    if (got === undefined || !new RegExp(pattern).test(got)) out.push(`header ${name}: expected /${pattern}/, got ${show(got)}`);
  }
  return out;
}
