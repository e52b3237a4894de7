import { nearMiss, real, type Case } from "./case";

/**
 * The words JWT verifiers and the AWS SDKs' credential chains use for a failure, each as the
 * library prints it (messages from its source; fake ids). Near misses: the same libraries saying
 * something that is another cause, or no cause a rule covers.
 */

const POOL = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123";
const OTHER_POOL = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Xyz789";

export const VERIFIER_CASES: readonly Case[] = [
  // cognito-client-id-mismatch: an audience check met a token without (or with another) aud.
  real("cognito-client-id-mismatch", "PyJWT 2.x InvalidAudienceError", "jwt.exceptions.InvalidAudienceError: Audience doesn't match"),
  real("cognito-client-id-mismatch", "PyJWT MissingRequiredClaimError (audience= with a Cognito access token)", 'jwt.exceptions.MissingRequiredClaimError: Token is missing the "aud" claim'),
  real("cognito-client-id-mismatch", "jose JWTClaimValidationFailed (audience option, access token)", 'JWTClaimValidationFailed: missing required "aud" claim'),
  real("cognito-client-id-mismatch", "jose requiredClaims client_id with an ID token", 'JWTClaimValidationFailed: missing required "client_id" claim'),
  real("cognito-client-id-mismatch", "aws-jwt-verify JwtRsaVerifier audience check, access token", "JwtInvalidAudienceError: Missing Audience. Expected: 3n4b5urk1ft4fl3mg5e62d9ado"),
  real("cognito-client-id-mismatch", "aws-jwt-verify JwtRsaVerifier audience check, another client", "JwtInvalidAudienceError: Audience not allowed: 5p3b8b1v3hqbq0bm3h1h1iiqh1. Expected: 3n4b5urk1ft4fl3mg5e62d9ado"),
  real("cognito-client-id-mismatch", ".NET IdentityModel IDX10206 (token without aud)",
    "Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAudienceException: IDX10206: Unable to validate audience. The 'audiences' parameter is empty."),
  real("cognito-client-id-mismatch", "Spring Security JwtClaimValidator (aud)",
    'WWW-Authenticate: Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: The aud claim is not valid"'),
  real("cognito-client-id-mismatch", "API Gateway HTTP API JWT authorizer (troubleshooting guide)",
    '< HTTP/1.1 401 Unauthorized\n< www-authenticate: Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"\n{"message":"Unauthorized"}'),
  nearMiss("cognito-client-id-mismatch", null, ".NET IdentityModel IDX10208: the API configured no audience at all",
    "IDX10208: Unable to validate audience. validationParameters.ValidAudience is null or whitespace and validationParameters.ValidAudiences is null."),

  // cognito-issuer-mismatch: another issuer, or a kid the configured pool's JWKS does not have.
  real("cognito-issuer-mismatch", "jsonwebtoken JsonWebTokenError (issuer)", `JsonWebTokenError: jwt issuer invalid. expected: ${OTHER_POOL}`),
  real("cognito-issuer-mismatch", "jose JWKSNoMatchingKey", "JWKSNoMatchingKey: no applicable key found in the JSON Web Key Set { code: 'ERR_JWKS_NO_MATCHING_KEY' }"),
  real("cognito-issuer-mismatch", ".NET IdentityModel IDX10205",
    `IDX10205: Issuer validation failed. Issuer: '${POOL}'. Did not match: validationParameters.ValidIssuer: '${OTHER_POOL}' or validationParameters.ValidIssuers: 'null'.`),
  real("cognito-issuer-mismatch", ".NET IdentityModel IDX10503",
    "IDX10503: Signature validation failed. The token's kid is: 'r4LtW3o2vKpZ9=', but did not match any keys in TokenValidationParameters or Configuration. Keys tried: 'Microsoft.IdentityModel.Tokens.RsaSecurityKey'."),
  real("cognito-issuer-mismatch", ".NET IdentityModel IDX10501 (older releases)", "IDX10501: Signature validation failed. Unable to match key: kid: 'r4LtW3o2vKpZ9='."),
  real("cognito-issuer-mismatch", "Spring Security JwtClaimValidator (iss)", "o.s.s.oauth2.jwt.JwtClaimValidator : The iss claim is not valid"),
  real("cognito-issuer-mismatch", "Nimbus JOSE+JWT via Spring Security",
    "An error occurred while attempting to decode the Jwt: Signed JWT rejected: Another algorithm expected, or no matching key(s) found"),
  nearMiss("cognito-issuer-mismatch", null, ".NET IdentityModel IDX10204: the API configured no issuer at all",
    "IDX10204: Unable to validate issuer. validationParameters.ValidIssuer is null or whitespace AND validationParameters.ValidIssuers is null or empty."),

  // token-expired: libraries' lifetime checks and AWS's expired temporary credentials.
  real("token-expired", "python-jose ExpiredSignatureError", "jose.exceptions.ExpiredSignatureError: Signature has expired."),
  real("token-expired", "PyJWT ExpiredSignatureError", "jwt.exceptions.ExpiredSignatureError: Signature has expired"),
  real("token-expired", ".NET IdentityModel IDX10223",
    "Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException: IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '3/1/2025 10:00:00 AM', Current time (UTC): '3/1/2025 11:02:13 AM'."),
  real("token-expired", "jose JWTExpired", 'JWTExpired: "exp" claim timestamp check failed'),
  real("token-expired", "jsonwebtoken TokenExpiredError", "TokenExpiredError: jwt expired"),
  real("token-expired", "STS AssumeRoleWithWebIdentity (awslabs/aws-orbit-workbench#707)",
    "botocore.errorfactory.ExpiredTokenException: An error occurred (ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation: Token expired: current date/time 1624482533 must be before the expiration date/time1624482335"),
  real("token-expired", "S3 ExpiredToken (S3 error responses)", "An error occurred (ExpiredToken) when calling the PutObject operation: The provided token has expired."),
  real("token-expired", "aws-sdk-js-v3 token-providers fromSso", "TokenProviderError: Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."),
  nearMiss("token-expired", "sigv4-clock-skew", "SigV4's own expiry is the clock, not the token",
    "SignatureDoesNotMatch: Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z (20240101T001000Z - 5 min.)"),
  nearMiss("token-expired", null, ".NET IdentityModel IDX10222: a token not yet valid",
    "IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): '3/1/2025 10:00:00 AM', Current time (UTC): '3/1/2025 9:58:00 AM'."),

  // credentials-missing: every SDK's end of the default chain, and Amplify without identity-pool credentials.
  real("credentials-missing", "AWS SDK for Java v2 AwsCredentialsProviderChain",
    "software.amazon.awssdk.core.exception.SdkClientException: Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider()])"),
  real("credentials-missing", "AWS SDK for .NET default credentials resolver",
    "Amazon.Runtime.AmazonClientException: Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors:"),
  real("credentials-missing", "AWS SDK for Go v2 (IMDS at the end of the chain)",
    "operation error SQS: GetQueueUrl, failed to sign request: failed to retrieve credentials: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request canceled, context deadline exceeded"),
  real("credentials-missing", "AWS SDK for Go v1 chain provider", "NoCredentialProviders: no valid providers in chain. Deprecated."),
  real("credentials-missing", "botocore ProfileNotFound", "botocore.exceptions.ProfileNotFound: The config profile (dev) could not be found"),
  real("credentials-missing", "aws-sdk-js-v3 credential-provider-ini", "CredentialsProviderError: Could not resolve credentials using profile: [dev] in configuration/credentials file(s)."),
  real("credentials-missing", "botocore PartialCredentialsError", "botocore.exceptions.PartialCredentialsError: Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY"),
  real("credentials-missing", "aws-sdk-js-v3 token-providers (no SSO login)",
    "The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile."),
  real("credentials-missing", "smithy credential-provider-imds", "CredentialsProviderError: Unable to connect to instance metadata service"),
  real("amplify-not-signed-in", "amplify-js api-graphql NoCredentials (authMode iam, nobody signed in)",
    'NoCredentials: No credentials. The API request was made with `authMode: "iam"` but no authentication credentials are available.'),
  nearMiss("credentials-missing", "token-expired", "botocore UnauthorizedSSOTokenError: an SSO login that expired",
    "The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile."),
  nearMiss("credentials-missing", "token-expired", "AWS SDK for Go v2: the chain found a web identity token, STS found it expired",
    "failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 400, ExpiredTokenException: Token expired: current date/time 1753382758 must be before the expiration date/time 1753089571"),
];
