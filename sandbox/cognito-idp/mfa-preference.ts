import { z } from "zod";
import { AwsError } from "../http/aws-json";
import type { RequestContext } from "../http/types";
import * as fail from "./errors";
import { parseInput } from "./input";
import type { CognitoContext } from "./context";
import type { MfaType } from "./store";
import { requireAccessToken } from "./user-ops";

/**
 * SetUserMFAPreference: a signed-in user switches factors on or off and picks the preferred one
 * (SMSMfaSettings / SoftwareTokenMfaSettings / EmailMfaSettings, each {Enabled, PreferredMfa},
 * in botocore's model). The answer is an empty object.
 */

const settingsSchema = z.object({ Enabled: z.boolean().optional(), PreferredMfa: z.boolean().optional() });
type Settings = z.infer<typeof settingsSchema>;

function settings(value: Record<string, unknown> | undefined, name: string): Settings | undefined {
  if (value === undefined) return undefined;
  const parsed = settingsSchema.safeParse(value);
  // A member of the wrong JSON type fails in deserialization, as input.ts explains.
  if (!parsed.success) throw new AwsError("SerializationException", `Unexpected field type for ${name}`, 400, "Message");
  return parsed.data;
}

const wantsOn = (s: Settings | undefined) => Boolean(s?.Enabled || s?.PreferredMfa);

export async function setUserMfaPreference(ctx: CognitoContext, input: Record<string, unknown>, req: RequestContext) {
  const request = parseInput(input, {
    AccessToken: { type: "string", required: true },
    SMSMfaSettings: { type: "structure" },
    SoftwareTokenMfaSettings: { type: "structure" },
    EmailMfaSettings: { type: "structure" },
    WebAuthnMfaSettings: { type: "structure" },
  });
  const sms = settings(request.SMSMfaSettings, "SMSMfaSettings");
  const totp = settings(request.SoftwareTokenMfaSettings, "SoftwareTokenMfaSettings");
  const email = settings(request.EmailMfaSettings, "EmailMfaSettings");
  const { pool, user } = await requireAccessToken(ctx, req, request.AccessToken);

  if (wantsOn(sms)) throw fail.smsNotEmulated();
  if (totp?.PreferredMfa && email?.PreferredMfa) throw fail.twoPreferredFactors();
  if (wantsOn(totp)) {
    if (!user.mfa.totp && !user.mfa.pendingTotpSecret) throw fail.totpNotSetUp();
    if (!user.mfa.totp?.verified) throw fail.totpNotVerified();
  }
  if (wantsOn(email) && (!pool.mfa.email || !user.attributes["email"])) throw fail.emailMfaNotAllowed();

  const apply = (factor: MfaType, s: Settings | undefined, setEnabled: (on: boolean) => void) => {
    if (!s) return;
    if (s.Enabled !== undefined) setEnabled(s.Enabled);
    if (s.PreferredMfa === true) {
      setEnabled(true);
      user.mfa.preferred = factor;
    } else if ((s.PreferredMfa === false || s.Enabled === false) && user.mfa.preferred === factor) {
      delete user.mfa.preferred;
    }
  };
  apply("SOFTWARE_TOKEN_MFA", totp, (on) => {
    if (user.mfa.totp) user.mfa.totp.enabled = on;
  });
  apply("EMAIL_OTP", email, (on) => {
    user.mfa.emailEnabled = on;
  });
  return {};
}
