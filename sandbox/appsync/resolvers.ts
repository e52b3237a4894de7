import { randomUUID } from "node:crypto";
import { getNullableType, isListType, type GraphQLField, type GraphQLFieldResolver } from "graphql";
import type { ApiConfig, Caller } from "./caller";
import { deniedByAuthorizer, fieldAllowed, fieldDenied, fieldDeniedByAuthorizer } from "./field-auth";
import { objectTypeOf } from "./schema";

/**
 * In-memory resolvers that work for any schema shaped like the usual AppSync examples, so a
 * scenario needs no resolver code: a list field returns every row of its type, a single-object
 * field with `id` looks one up, `create*` / `update*` / `delete*` mutations write rows, `whoami`
 * says how the caller was authenticated, and `"Type.field"` entries in `data` are fixed answers.
 * Every field is authorized first, as AppSync does before running a resolver.
 */

type Row = Record<string, unknown>;

interface ExecContext {
  api: ApiConfig;
  caller: Caller;
  store: DataStore;
}

export class DataStore {
  private readonly tables = new Map<string, Row[]>();
  private readonly fixed = new Map<string, unknown>();

  /** Copies the seed so mutations never touch the parsed scenario. */
  constructor(data: Record<string, unknown>) {
    for (const [key, value] of Object.entries(data)) {
      if (key.includes(".")) this.fixed.set(key, structuredClone(value));
      else if (Array.isArray(value)) this.tables.set(key, value.map((row) => ({ ...(row as Row) })));
    }
  }

  rows(type: string): Row[] {
    let rows = this.tables.get(type);
    if (!rows) this.tables.set(type, (rows = []));
    return rows;
  }

  fixedAnswer(key: string): { value: unknown } | undefined {
    return this.fixed.has(key) ? { value: this.fixed.get(key) } : undefined;
  }
}

function resolveRoot(field: GraphQLField<unknown, unknown>, kind: "Query" | "Mutation", args: Row, ctx: ExecContext): unknown {
  const fixed = ctx.store.fixedAnswer(`${kind}.${field.name}`);
  if (fixed) return fixed.value;
  if (field.name === "whoami") return ctx.caller.detail;
  const target = objectTypeOf(field);
  if (!target) return null;
  const rows = ctx.store.rows(target.name);
  const input = (typeof args["input"] === "object" && args["input"] !== null ? args["input"] : args) as Row;
  const index = rows.findIndex((row) => row["id"] === input["id"]);
  if (kind === "Query") {
    if (isListType(getNullableType(field.type))) return rows;
    return "id" in input ? (rows[index] ?? null) : (rows[0] ?? null);
  }
  if (field.name.startsWith("create")) {
    const row: Row = { id: randomUUID(), ...input };
    if ("owner" in target.getFields() && row["owner"] === undefined) row["owner"] = ctx.caller.owner;
    rows.push(row);
    return row;
  }
  if (index < 0) return null;
  if (field.name.startsWith("update")) return Object.assign(rows[index]!, input);
  if (field.name.startsWith("delete")) return rows.splice(index, 1)[0] ?? null;
  return null;
}

export const fieldResolver: GraphQLFieldResolver<unknown, ExecContext> = (source, args, ctx, info) => {
  const field = info.parentType.getFields()[info.fieldName]!;
  if (!fieldAllowed(ctx.api, info.parentType, field, ctx.caller)) throw fieldDenied(info.parentType, info.fieldName);
  if (deniedByAuthorizer(ctx.api, info.parentType, info.fieldName, ctx.caller)) throw fieldDeniedByAuthorizer(info.parentType, info.fieldName);
  const schema = ctx.api.graphqlSchema;
  if (info.parentType === schema.getQueryType()) return resolveRoot(field, "Query", args, ctx);
  if (info.parentType === schema.getMutationType()) return resolveRoot(field, "Mutation", args, ctx);
  const value = typeof source === "object" && source !== null ? ((source as Row)[info.fieldName] ?? null) : null;
  if (info.parentType !== schema.getSubscriptionType() || value === null) return value;
  // A subscription root value is the published mutation result; its arguments filter it
  // (AppSync: only events whose fields equal the given arguments are delivered).
  const row = value as Row;
  return Object.entries(args).every(([name, wanted]) => wanted === null || wanted === undefined || row[name] === wanted) ? row : null;
};
