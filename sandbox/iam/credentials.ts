import { randomBytes } from "node:crypto";
import type { PolicyDocument } from "../../lib/iam";
import type { KnownCredentials } from "../../lib/sigv4";
import { base32Id, type RoleRecord } from "./roles";

/**
 * Temporary credentials the sandbox has issued (Cognito identity pools, STS), remembered with
 * everything a later signed request needs: the role whose policies apply, the session's ARN, the
 * identity behind it and when it lapses. Secrets live only here, in memory.
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

export interface IssueRequest {
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

export class CredentialStore {
  private readonly byKeyId = new Map<string, IssuedCredentials>();

  constructor(private readonly now: () => number) {}

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
      assumedRoleArn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`,
      assumedRoleId: `${role.roleId}:${sessionName}`,
      accountId: role.accountId,
      ...(request.identityId !== undefined ? { identityId: request.identityId } : {}),
      ...(request.identityPoolId !== undefined ? { identityPoolId: request.identityPoolId } : {}),
      ...(request.amr !== undefined ? { amr: [...request.amr] } : {}),
      ...(request.sessionPolicy !== undefined ? { sessionPolicy: request.sessionPolicy } : {}),
    };
    this.byKeyId.set(accessKeyId, issued);
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
