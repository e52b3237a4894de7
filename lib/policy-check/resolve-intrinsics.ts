import { unresolvedMarker } from "./unresolved";

/**
 * CloudFormation values → plain JSON, as far as a template alone allows. Pseudo parameters are
 * replaced only with values the caller states (the account and region being checked); every other
 * intrinsic function (Ref to a resource or parameter, Fn::GetAtt, Fn::ImportValue, Fn::If …) is
 * left as a named marker rather than guessed (CloudFormation User Guide, "Intrinsic function
 * reference" and "Pseudo parameters reference",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
 */

export type PseudoParameters = Partial<Record<"AWS::AccountId" | "AWS::Region" | "AWS::Partition" | "AWS::URLSuffix", string>>;

export interface Resolution {
  /** Every value left unresolved: where (a JSON path) and what. */
  unresolved: { where: string; what: string }[];
  /** Pseudo parameters that were replaced, with the value used. */
  substituted: Map<string, string>;
}

export function resolveIntrinsics(value: unknown, pseudo: PseudoParameters, where: string, out: Resolution): unknown {
  if (Array.isArray(value)) return value.map((v, i) => resolveIntrinsics(v, pseudo, `${where}[${i}]`, out));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const [first] = entries;
  if (entries.length === 1 && first && (first[0] === "Ref" || first[0].startsWith("Fn::"))) {
    return resolveFunction(first[0], first[1], pseudo, where, out);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, resolveIntrinsics(v, pseudo, `${where}.${k}`, out)]));
}

function resolveFunction(fn: string, arg: unknown, pseudo: PseudoParameters, where: string, out: Resolution): string {
  const leave = (what: string) => {
    out.unresolved.push({ where, what });
    return unresolvedMarker(what);
  };
  switch (fn) {
    case "Ref":
      return typeof arg === "string" ? pseudoValue(arg, pseudo, out) ?? leave(`Ref ${arg}`) : leave("Ref");
    case "Fn::GetAtt": {
      const target = Array.isArray(arg) ? arg.join(".") : String(arg);
      return leave(`Fn::GetAtt ${target}`);
    }
    case "Fn::Join": {
      if (!Array.isArray(arg) || typeof arg[0] !== "string" || !Array.isArray(arg[1])) return leave("Fn::Join");
      const parts = (arg[1] as unknown[]).map((part, i) => resolveIntrinsics(part, pseudo, `${where}.Fn::Join[${i}]`, out));
      return parts.map((p) => (typeof p === "string" ? p : leave("Fn::Join part"))).join(arg[0]);
    }
    case "Fn::Sub": {
      const [template, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
      if (typeof template !== "string") return leave("Fn::Sub");
      const map = (vars ?? {}) as Record<string, unknown>;
      return template.replace(/\$\{(!?)([^}]+)\}/g, (_whole, bang: string, name: string) => {
        if (bang) return `\${${name}}`;
        if (name in map) {
          const v = resolveIntrinsics(map[name], pseudo, `${where}.Fn::Sub.${name}`, out);
          return typeof v === "string" ? v : leave(`Fn::Sub \${${name}}`);
        }
        return pseudoValue(name, pseudo, out) ?? leave(`\${${name}}`);
      });
    }
    default:
      return leave(fn);
  }
}

function pseudoValue(name: string, pseudo: PseudoParameters, out: Resolution): string | undefined {
  const value = pseudo[name as keyof PseudoParameters];
  if (value !== undefined) out.substituted.set(name, value);
  return value;
}
