"use client";

import { Authenticator } from "@aws-amplify/ui-react";
import "@aws-amplify/ui-react/styles.css";
import { signIn, type SignInInput } from "aws-amplify/auth";
import type { Environment } from "@/lib/config/environment";
import { totpIssuer } from "@/lib/config/totp-issuer";

/**
 * Amplify's own Authenticator, so sign-in (SRP by default, new-password and MFA challenges)
 * behaves exactly as in the customer's app. Sign-up is hidden: this tool signs in to
 * environments that already exist.
 */
export default function SignIn({ environment }: { environment: Environment }) {
  const services =
    environment.signInFlow === "USER_PASSWORD_AUTH"
      ? {
          // The Authenticator calls this with one argument; the cast names signIn's overloads.
          handleSignIn: ((input: SignInInput) =>
            signIn({ ...input, options: { ...input.options, authFlowType: "USER_PASSWORD_AUTH" } })) as typeof signIn,
        }
      : undefined;
  // The TOTP setup step's QR code and secret are labelled with this environment's name.
  const formFields = { setupTotp: { QR: { totpIssuer: totpIssuer(environment) } } };
  return <Authenticator hideSignUp services={services} formFields={formFields} />;
}
