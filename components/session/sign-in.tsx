"use client";

import { Authenticator } from "@aws-amplify/ui-react";
import "@aws-amplify/ui-react/styles.css";
import { signIn, type SignInInput } from "aws-amplify/auth";
import type { Environment } from "@/lib/config/environment";
import { userPoolEndpoint } from "@/lib/config/amplify-config";
import { totpIssuer } from "@/lib/config/totp-issuer";
import { unreachableError } from "@/lib/errors/unreachable";

/**
 * Amplify's own Authenticator, so sign-in (SRP by default, new-password and MFA challenges)
 * behaves exactly as in the customer's app. Sign-up is hidden: this tool signs in to
 * environments that already exist. A sign-in that reaches no endpoint says which one, instead of
 * Amplify's bare "A network error has occurred."
 */
export default function SignIn({ environment }: { environment: Environment }) {
  const handleSignIn = async (input: SignInInput) => {
    try {
      return await signIn(environment.signInFlow === "USER_PASSWORD_AUTH" ? { ...input, options: { ...input.options, authFlowType: "USER_PASSWORD_AUTH" } } : input);
    } catch (error) {
      throw namedNetworkError(error, environment);
    }
  };
  // The TOTP setup step's QR code and secret are labelled with this environment's name.
  const formFields = { setupTotp: { QR: { totpIssuer: totpIssuer(environment) } } };
  // The Authenticator calls handleSignIn with one argument; the cast names signIn's overloads.
  return <Authenticator hideSignUp services={{ handleSignIn: handleSignIn as typeof signIn }} formFields={formFields} />;
}

/**
 * aws-amplify turns a fetch that got no answer into `NetworkError: A network error has occurred.`
 * with the browser's TypeError as `underlyingError` (amplify-js packages/core/src/clients/handlers/fetch.ts).
 * Every sign-in flow starts with InitiateAuth (amplify-js packages/auth/src/providers/cognito/utils/signInHelpers.ts).
 */
function namedNetworkError(error: unknown, environment: Environment): unknown {
  const e = error as { name?: string; underlyingError?: unknown } | null;
  if (e?.name !== "NetworkError") return error;
  const reason = e.underlyingError instanceof Error ? e.underlyingError.message : "no answer";
  return unreachableError("unreachable:cognito", "The Cognito user pool endpoint", userPoolEndpoint(environment), [`sign-in (InitiateAuth) from this browser: no answer (${reason})`]);
}
