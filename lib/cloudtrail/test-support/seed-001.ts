/**
 * Seed 001's AssumeRoleWithWebIdentity record (a support engineer's capture from the CloudTrail
 * console, Japanese incident: AppSync "Unauthorized" after an account migration), verbatim with
 * its placeholders, plus a copy with the placeholders filled in consistently so matching by
 * identity id, pool id, role ARN and access key id can be tested.
 */

export const SEED_001_RAW = {
  "eventVersion": "1.08",
  "userIdentity": {
    "type": "WebIdentityUser",
    "principalId": "cognito-identity.amazonaws.com:<COGNITO_APP_ID>:<COGNITO_APP_USR_NAME>",
    "userName": "<COGNITO_APP_USR_NAME>",
    "identityProvider": "cognito-identity.amazonaws.com"
  },
  "eventTime": "2025-02-24T14:15:12Z",
  "eventSource": "sts.amazonaws.com",
  "eventName": "AssumeRoleWithWebIdentity",
  "awsRegion": "ap-northeast-1",
  "sourceIPAddress": "<SOURCE_IP_ADDRESS>",
  "userAgent": "aws-internal/3 aws-sdk-java/1.12.780 Linux/4.14.355-275.582.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/25.432-b06 java/1.8.0_432 kotlin/1.3.72 vendor/Oracle_Corporation cfg/retry-mode/standard cfg/auth-source#imds",
  "requestParameters": {
    "roleArn": "arn:aws:iam::<AWS_ACCOUNT_ID>:role/service-role/<COGNITO_ROLE_NAME>",
    "roleSessionName": "CognitoIdentityCredentials"
  },
  "responseElements": {
    "credentials": {
      "accessKeyId": "ASIA5NBR5LH3GUDX65GT",
      "sessionToken": "<ENCODED_SESSION_ROKEN_BLOB>",
      "expiration": "Feb 24, 2025, 3:15:12 PM"
    },
    "subjectFromWebIdentityToken": "<COGNITO_APP_USR_NAME>",
    "assumedRoleUser": {
      "assumedRoleId": "AROA5NBR5LH3HYAQNDM6Y:CognitoIdentityCredentials",
      "arn": "arn:aws:sts::<AWS_ACCOUNT_ID>:assumed-role/<COGNITO_ROLE_NAME>/CognitoIdentityCredentials"
    },
    "provider": "cognito-identity.amazonaws.com",
    "audience": "<COGNITO_APP_ID>"
  },
  "additionalEventData": {
    "identityProviderConnectionVerificationMethod": "IAMTrustStore",
    "RequestDetails": {
      "endpointType": "regional",
      "awsServingRegion": "ap-northeast-1"
    }
  },
  "requestID": "ef3bb0c4-ed23-472e-9a93-3377cd9928dc",
  "eventID": "93c286a7-1732-4428-93e5-15875fa6b2a3",
  "readOnly": true,
  "resources": [
    {
      "accountId": "<AWS_ACCOUNT_ID>",
      "type": "AWS::IAM::Role",
      "ARN": "arn:aws:iam::<AWS_ACCOUNT_ID>:role/service-role/<COGNITO_ROLE_NAME>"
    }
  ],
  "eventType": "AwsApiCall",
  "managementEvent": true,
  "recipientAccountId": "<AWS_ACCOUNT_ID>",
  "eventCategory": "Management",
  "tlsDetails": {
    "tlsVersion": "TLSv1.3",
    "cipherSuite": "TLS_AES_128_GCM_SHA256",
    "clientProvidedHostHeader": "sts.ap-northeast-1.amazonaws.com"
  }
} as const;

export const SEED_001 = {
  identityPoolId: "ap-northeast-1:7a1b2c3d-4e5f-4061-9b72-8c9d0e1f2a3b",
  identityId: "ap-northeast-1:3c9e2a71-5b84-4f06-9d1e-7a2b6c8f0e43",
  accountId: "111122223333",
  roleArn: "arn:aws:iam::111122223333:role/service-role/migrated-app-authenticated-role",
  accessKeyId: "ASIA5NBR5LH3GUDX65GT",
  eventTime: "2025-02-24T14:15:12Z",
} as const;

/** The record with the capture's placeholders replaced by SEED_001's values. */
export function seed001Record(): Record<string, unknown> {
  const text = JSON.stringify(SEED_001_RAW)
    .replaceAll("<COGNITO_APP_ID>", SEED_001.identityPoolId)
    .replaceAll("<COGNITO_APP_USR_NAME>", SEED_001.identityId)
    .replaceAll("<AWS_ACCOUNT_ID>", SEED_001.accountId)
    .replaceAll("<COGNITO_ROLE_NAME>", "migrated-app-authenticated-role")
    .replaceAll("<SOURCE_IP_ADDRESS>", "203.0.113.24");
  return JSON.parse(text) as Record<string, unknown>;
}
