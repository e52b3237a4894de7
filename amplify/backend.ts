import { defineBackend } from "@aws-amplify/backend";
import { defineAgentCoreReference } from "./agentcore/resource";
import { auth } from "./auth/resource";
import { data } from "./data/resource";

/**
 * The reference target for the Auth Flow Debugger: `npx ampx sandbox` deploys it to your AWS
 * account and writes amplify_outputs.json, which the dashboard imports as it is
 * (lib/config/amplify-outputs.ts). Needs Docker on the deploying machine for the agent image.
 */
// Exported for amplify/backend.test.ts, which synthesizes this file offline; ampx only runs it.
export const backend = defineBackend({ auth, data });

const { userPool, userPoolClient, authenticatedUserIamRole, groups } = backend.auth.resources;

// Its own stack: the runtime depends on auth (authorizer) and data (the grant names the API),
// and neither of those depends on it.
export const agentCore = defineAgentCoreReference(backend.createStack("agentcore"), {
  userPool,
  userPoolClient,
  authenticatedRole: authenticatedUserIamRole,
  groupRoles: Object.values(groups).map((group) => group.role),
  graphqlApiArn: backend.data.resources.graphqlApi.arn,
});

// -> amplify_outputs.json `custom.agentCore`, the shape the dashboard's importer reads.
backend.addOutput({
  custom: {
    agentCore: {
      runtimeArn: agentCore.runtimeArn,
      qualifier: agentCore.qualifier,
    },
  },
});
