"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { toFieldErrors } from "@/lib/config/field-errors";
import { APPSYNC_AUTH_MODES, environmentSchema, type Environment } from "@/lib/config/environment";
import { newEnvironmentId } from "@/lib/config/environment-store";

/** The form's flat fields; empty strings mean "not set". */
const EMPTY = {
  name: "",
  region: "",
  userPoolId: "",
  userPoolClientId: "",
  identityPoolId: "",
  signInFlow: "USER_SRP_AUTH",
  /** "" (not known), ORIGINAL or UPDATED. */
  issuerConfiguration: "",
  emailLogin: true,
  oauthDomain: "",
  appSyncUrl: "",
  appSyncAuthMode: "AMAZON_COGNITO_USER_POOLS",
  appSyncApiKey: "",
  runtimeArn: "",
  qualifier: "",
  gatewayUrl: "",
  cognitoIdp: "",
  cognitoIdentity: "",
  sts: "",
  agentCore: "",
  cloudTrail: "",
  cognitoDomain: "",
};
type Fields = typeof EMPTY;

function fromEnvironment(p: Environment): Fields {
  const api = p.appSync[0];
  return {
    name: p.name,
    region: p.region,
    userPoolId: p.userPoolId,
    userPoolClientId: p.userPoolClientId,
    identityPoolId: p.identityPoolId ?? "",
    signInFlow: p.signInFlow,
    issuerConfiguration: p.issuerConfiguration ?? "",
    emailLogin: p.usernameAttributes.includes("email"),
    oauthDomain: p.oauth?.domain ?? "",
    appSyncUrl: api?.url ?? "",
    appSyncAuthMode: api?.defaultAuthMode ?? "AMAZON_COGNITO_USER_POOLS",
    appSyncApiKey: api?.apiKey ?? "",
    runtimeArn: p.agentCore?.runtimeArn ?? "",
    qualifier: p.agentCore?.qualifier ?? "",
    gatewayUrl: p.agentCore?.gatewayUrl ?? "",
    cognitoIdp: p.endpoints.cognitoIdp ?? "",
    cognitoIdentity: p.endpoints.cognitoIdentity ?? "",
    sts: p.endpoints.sts ?? "",
    agentCore: p.endpoints.agentCore ?? "",
    cloudTrail: p.endpoints.cloudTrail ?? "",
    cognitoDomain: p.endpoints.cognitoDomain ?? "",
  };
}

const opt = (value: string) => (value.trim() === "" ? undefined : value.trim());

function toCandidate(f: Fields, id: string, base?: Environment) {
  const keepApi = base?.appSync[0];
  return {
    ...base,
    id,
    name: f.name,
    source: "user",
    region: f.region.trim(),
    userPoolId: f.userPoolId.trim(),
    userPoolClientId: f.userPoolClientId.trim(),
    identityPoolId: opt(f.identityPoolId),
    signInFlow: f.signInFlow,
    issuerConfiguration: opt(f.issuerConfiguration),
    usernameAttributes: f.emailLogin ? ["email"] : [],
    oauth: opt(f.oauthDomain) ? { ...base?.oauth, domain: f.oauthDomain.trim() } : undefined,
    appSync: opt(f.appSyncUrl)
      ? [
          {
            name: keepApi?.name ?? "api",
            additionalAuthModes: keepApi?.additionalAuthModes ?? [],
            url: f.appSyncUrl.trim(),
            region: f.region.trim(),
            defaultAuthMode: f.appSyncAuthMode,
            apiKey: opt(f.appSyncApiKey),
          },
          ...(base?.appSync.slice(1) ?? []),
        ]
      : [],
    agentCore:
      opt(f.runtimeArn) || opt(f.gatewayUrl)
        ? { runtimeArn: opt(f.runtimeArn), qualifier: opt(f.qualifier), gatewayUrl: opt(f.gatewayUrl) }
        : undefined,
    endpoints: {
      cognitoIdp: opt(f.cognitoIdp),
      cognitoIdentity: opt(f.cognitoIdentity),
      sts: opt(f.sts),
      agentCore: opt(f.agentCore),
      cloudTrail: opt(f.cloudTrail),
      cognitoDomain: opt(f.cognitoDomain),
    },
  };
}

/** Where each schema path is typed in this form, so an error lands under its own input. */
const FIELD_OF_PATH: Record<string, keyof Fields> = {
  "oauth.domain": "oauthDomain",
  "appSync.0.url": "appSyncUrl",
  "appSync.0.region": "region",
  "agentCore.runtimeArn": "runtimeArn",
  "agentCore.qualifier": "qualifier",
  "agentCore.gatewayUrl": "gatewayUrl",
  "endpoints.cognitoIdp": "cognitoIdp",
  "endpoints.cognitoIdentity": "cognitoIdentity",
  "endpoints.sts": "sts",
  "endpoints.agentCore": "agentCore",
  "endpoints.cloudTrail": "cloudTrail",
  "endpoints.cognitoDomain": "cognitoDomain",
};

export function EnvironmentForm({
  initial,
  takenIds,
  onSave,
  onCancel,
}: {
  initial?: Environment;
  takenIds: string[];
  onSave(environment: Environment): void;
  onCancel(): void;
}) {
  const [fields, setFields] = useState<Fields>(initial ? fromEnvironment(initial) : EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const formId = useId();

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = initial?.source === "user" ? initial.id : newEnvironmentId(fields.name || "environment", takenIds);
    const parsed = environmentSchema.safeParse(toCandidate(fields, id, initial?.source === "user" ? initial : undefined));
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const e of toFieldErrors(parsed.error)) {
        const key = FIELD_OF_PATH[e.path] ?? (e.path in EMPTY ? (e.path as keyof Fields) : "name");
        next[key] ??= e.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    onSave(parsed.data);
  }

  const text = (key: keyof Fields, label: string, hint?: string) => (
    <Field id={`${formId}-${key}`} label={label} error={errors[key]} hint={hint}>
      <input
        id={`${formId}-${key}`}
        aria-describedby={`${formId}-${key}-note`}
        name={key}
        value={String(fields[key])}
        onChange={(e) => set(key, e.target.value as never)}
        aria-invalid={errors[key] ? true : undefined}
        className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm aria-[invalid]:border-red-500"
      />
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Environment" className="space-y-4 rounded border border-slate-200 bg-white p-4">
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-2 font-medium">Cognito</legend>
        {text("name", "Name", "how this environment appears in the switcher")}
        {text("region", "Region", "e.g. ap-northeast-1")}
        {text("userPoolId", "User pool id", "e.g. ap-northeast-1_AbC123")}
        {text("userPoolClientId", "App client id")}
        {text("identityPoolId", "Identity pool id (optional)")}
        {text("oauthDomain", "OAuth domain (optional)", "myapp.auth.ap-northeast-1.amazoncognito.com")}
        <Field id={`${formId}-signInFlow`} label="Sign-in flow" hint="Amplify's default is SRP">
          <select id={`${formId}-signInFlow`} name="signInFlow" value={fields.signInFlow} onChange={(e) => set("signInFlow", e.target.value)} className="rounded border border-slate-300 px-2 py-1 text-sm">
            <option value="USER_SRP_AUTH">USER_SRP_AUTH (SRP)</option>
            <option value="USER_PASSWORD_AUTH">USER_PASSWORD_AUTH</option>
          </select>
        </Field>
        <Field
          id={`${formId}-issuerConfiguration`}
          label="Issuer configuration"
          error={errors.issuerConfiguration}
          hint="The pool's IssuerConfiguration (describe-user-pool): which issuer its tokens carry in iss. Not known: tokens of either form count as this pool's, and the tokens page says which one they carry."
        >
          <select
            id={`${formId}-issuerConfiguration`}
            name="issuerConfiguration"
            aria-describedby={`${formId}-issuerConfiguration-note`}
            value={fields.issuerConfiguration}
            onChange={(e) => set("issuerConfiguration", e.target.value)}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
          >
            <option value="">Not known (accept either)</option>
            <option value="ORIGINAL">ORIGINAL: https://cognito-idp.{"{region}"}.amazonaws.com/{"{pool}"}</option>
            <option value="UPDATED">UPDATED: https://issuer-cognito-idp.{"{region}"}.amazonaws.com/{"{pool}"}</option>
          </select>
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="emailLogin" checked={fields.emailLogin} onChange={(e) => set("emailLogin", e.target.checked)} />
          People sign in with their email address
        </label>
      </fieldset>
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-2 font-medium">AppSync (optional)</legend>
        {text("appSyncUrl", "GraphQL endpoint", "https://….appsync-api.{region}.amazonaws.com/graphql")}
        <Field id={`${formId}-appSyncAuthMode`} label="Default auth mode">
          <select id={`${formId}-appSyncAuthMode`} name="appSyncAuthMode" value={fields.appSyncAuthMode} onChange={(e) => set("appSyncAuthMode", e.target.value)} className="rounded border border-slate-300 px-2 py-1 text-sm">
            {APPSYNC_AUTH_MODES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </Field>
        {text("appSyncApiKey", "API key (optional)")}
      </fieldset>
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-2 font-medium">Bedrock AgentCore (optional)</legend>
        {text("runtimeArn", "Runtime ARN")}
        {text("qualifier", "Qualifier", "DEFAULT when empty")}
        {text("gatewayUrl", "Gateway MCP URL")}
      </fieldset>
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-2 font-medium">Endpoint overrides (sandbox, VPC endpoints)</legend>
        {text("cognitoIdp", "Cognito user pool endpoint")}
        {text("cognitoIdentity", "Cognito identity endpoint")}
        {text("sts", "STS endpoint")}
        {text("agentCore", "AgentCore endpoint")}
        {text("cloudTrail", "CloudTrail endpoint")}
        {text("cognitoDomain", "Cognito domain endpoint (its /oauth2/token; the OAuth domain when empty)")}
      </fieldset>
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white">
          Save environment
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1.5 text-sm">
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The hint and the error describe the input (`{id}-note`) but are not part of its name. */
function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="block text-sm">
      <label htmlFor={id} className="mb-1 block text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <span id={`${id}-note`} role="alert" className="mt-1 block text-red-700">
          {error}
        </span>
      ) : (
        hint && (
          <span id={`${id}-note`} className="mt-1 block text-xs text-slate-500">
            {hint}
          </span>
        )
      )}
    </div>
  );
}
