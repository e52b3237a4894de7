import { Amplify } from "aws-amplify";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import { defaultStorage, sessionStorage } from "aws-amplify/utils";
import { toAmplifyConfig } from "@/lib/config/amplify-config";
import type { Environment } from "@/lib/config/environment";
import type { TokenStorageChoice } from "@/lib/config/environment-store";

/** Points aws-amplify at one environment. Safe to call again on every switch: no reload needed. */
export function configureAmplify(environment: Environment, storage: TokenStorageChoice): void {
  Amplify.configure(toAmplifyConfig(environment));
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage === "local" ? defaultStorage : sessionStorage);
}
