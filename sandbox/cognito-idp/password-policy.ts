import { AwsError } from "../http/aws-json";

/**
 * Cognito's default password policy (what Amplify Gen 2 pools get): at least 8 characters with
 * upper and lower case letters, a digit and a symbol. The messages are the ones Cognito returns
 * in InvalidPasswordException ("Password does not conform to policy: …"), checked in the same
 * order it reports them.
 */

const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

const RULES: Array<[(password: string) => boolean, string]> = [
  [(p) => p.length >= 8, "Password not long enough"],
  [(p) => /[a-z]/.test(p), "Password must have lowercase characters"],
  [(p) => /[A-Z]/.test(p), "Password must have uppercase characters"],
  [(p) => /[0-9]/.test(p), "Password must have numeric characters"],
  [(p) => SYMBOLS.test(p), "Password must have symbol characters"],
];

export function assertPasswordPolicy(password: string): void {
  for (const [ok, message] of RULES) {
    if (!ok(password)) throw new AwsError("InvalidPasswordException", `Password does not conform to policy: ${message}`);
  }
}
