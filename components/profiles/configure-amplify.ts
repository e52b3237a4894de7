import { Amplify } from "aws-amplify";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import { defaultStorage, sessionStorage } from "aws-amplify/utils";
import { toAmplifyConfig } from "@/lib/config/amplify-config";
import type { Profile } from "@/lib/config/profile";
import type { TokenStorageChoice } from "@/lib/config/profile-store";

/** Points aws-amplify at one profile. Safe to call again on every switch: no reload needed. */
export function configureAmplify(profile: Profile, storage: TokenStorageChoice): void {
  Amplify.configure(toAmplifyConfig(profile));
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage === "local" ? defaultStorage : sessionStorage);
}
