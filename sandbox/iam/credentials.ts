import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { PolicyDocument } from "../../lib/iam";
import type { KnownCredentials } from "../sigv4";
import type { StateDir } from "../state-dir";
import { base32Id, policySchema, type RoleRecord, type RoleStore } from "./roles";

/**
 * Temporary credentials the sandbox has issued (Cognito identity pools, STS), remembered with
 * everything a later signed request needs: the role whose policies apply, the session's ARN, the
 * identity behind it and when it lapses. Secrets live here, in memory, and — when the sandbox
 * has a state directory — in its file, so credentials a client holds survive a restart.
 */

export interface IssuedCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
  readonly role: RoleRecord;
  readonly sessionName: string;
  /** `arn:aws:sts::{account}:assumed-role/{RoleName}/{session}`. */
  readonly assumedRoleArn: string;
  /** `{roleId}:{session}`, what GetCallerIdentity calls UserId. */
  readonly assumedRoleId: string;
  readonly accountId: string;
  readonly identityId?: string;
  readonly identityPoolId?: string;
  /** The OpenID token's amr, kept so policies can use cognito-identity.amazonaws.com:amr. */
  readonly amr?: readonly string[];
  /** A scope-down applied on top of the role's policies (enhanced flow, or STS Policy). */
  readonly sessionPolicy?: PolicyDocument;
}

interface IssueRequest {
  role: RoleRecord;
  sessionName: string;
  durationSeconds: number;
  identityId?: string;
  identityPoolId?: string;
  amr?: readonly string[];
  sessionPolicy?: PolicyDocument;
}

/** Real session tokens are base64 protobuf starting `IQoJb3JpZ2luX2Vj`; ours look alike. */
const newSessionToken = () => `IQoJb3JpZ2luX2Vj${randomBytes(480).toString("base64")}`;
/** 40 characters from the base64 alphabet, as AWS secret keys are. */
const newSecret = () => randomBytes(30).toString("base64");

const STATE_FILE = "issued-credentials";
const storedSchema = z.array(
  z.object({
    accessKeyId: z.string(),
    secretAccessKey: z.string(),
    sessionToken: z.string(),
    expiration: z.number(),
    roleArn: z.string(),
    sessionName: z.string(),
    identityId: z.string().optional(),
    identityPoolId: z.string().optional(),
    amr: z.array(z.string()).optional(),
    sessionPolicy: policySchema.optional(),
  }),
);

interface CredentialPersistence {
  state: StateDir;
  /** Stored credentials name their role by ARN; a role no longer in the scenarios drops them. */
  roles: RoleStore;
}

const assumedRole = (role: RoleRecord, sessionName: string) => ({
  assumedRoleArn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`,
  assumedRoleId: `${role.roleId}:${sessionName}`,
  accountId: role.accountId,
});

export class CredentialStore {
  private readonly byKeyId = new Map<string, IssuedCredentials>();

  constructor(
    private readonly now: () => number,
    private readonly persistence?: CredentialPersistence,
  ) {
    for (const stored of persistence?.state.read(STATE_FILE, storedSchema) ?? []) {
      const role = persistence!.roles.role(stored.roleArn);
      if (!role || stored.expiration <= now()) continue;
      const { roleArn: _roleArn, expiration, ...rest } = stored;
      this.byKeyId.set(stored.accessKeyId, { ...rest, role, expiration: new Date(expiration), ...assumedRole(role, stored.sessionName) });
    }
  }

  private save(): void {
    if (!this.persistence) return;
    const live = [...this.byKeyId.values()].filter((issued) => issued.expiration.getTime() > this.now());
    this.persistence.state.write(
      STATE_FILE,
      live.map(({ role, expiration, assumedRoleArn: _arn, assumedRoleId: _id, accountId: _account, ...rest }) => ({ ...rest, roleArn: role.arn, expiration: expiration.getTime() })),
    );
  }

  issue(request: IssueRequest): IssuedCredentials {
    const { role, sessionName } = request;
    // ASIA marks temporary keys; the rest is random (never derived, so keys can't be guessed).
    const accessKeyId = `ASIA${base32Id(randomBytes(16).toString("hex"), 16)}`;
    const issued: IssuedCredentials = {
      accessKeyId,
      secretAccessKey: newSecret(),
      sessionToken: newSessionToken(),
      expiration: new Date(Math.floor(this.now() / 1000) * 1000 + request.durationSeconds * 1000),
      role,
      sessionName,
      ...assumedRole(role, sessionName),
      ...(request.identityId !== undefined ? { identityId: request.identityId } : {}),
      ...(request.identityPoolId !== undefined ? { identityPoolId: request.identityPoolId } : {}),
      ...(request.amr !== undefined ? { amr: [...request.amr] } : {}),
      ...(request.sessionPolicy !== undefined ? { sessionPolicy: request.sessionPolicy } : {}),
    };
    this.byKeyId.set(accessKeyId, issued);
    this.save();
    return issued;
  }

  get(accessKeyId: string): IssuedCredentials | undefined {
    return this.byKeyId.get(accessKeyId);
  }

  /** What lib/sigv4's verifier needs to know about a key id; undefined for keys never issued. */
  lookup(accessKeyId: string): KnownCredentials | undefined {
    const issued = this.byKeyId.get(accessKeyId);
    if (!issued) return undefined;
    return { secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken, expiration: issued.expiration };
  }
}
