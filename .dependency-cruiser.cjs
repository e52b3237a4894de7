/**
 * Who may import whom (`npm run deps`, part of `npm test`). Each rule is one sentence of the
 * README's "How the pieces fit"; a violation names the importing file and the rule it breaks.
 */
const TESTS = "(\\.test\\.tsx?$|/test-support(/|\\.ts$))";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import cycle makes load order matter and the pieces impossible to take apart.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-runs-everywhere",
      comment: "lib/ runs unchanged in the browser, the server and the CLI: no Node builtins.",
      severity: "error",
      from: { path: "^lib/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "lib-imports-lib",
      comment: "lib/ imports only lib/ and packages; only its tests may reach the sandbox for a live AWS stand-in.",
      severity: "error",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: "^(app|components|server|sandbox|cli|tools|scripts|conformance|e2e)/" },
    },
    {
      name: "server-under-the-app",
      comment: "server/ is used by app/ routes and proxy.ts; it imports lib/ and other server/ modules, never views or the sandbox.",
      severity: "error",
      from: { path: "^server/", pathNot: TESTS },
      to: { path: "^(components|sandbox|cli|tools|scripts|conformance|e2e)/" },
    },
    {
      name: "views-not-server",
      comment: "components/ runs in the browser: server/ modules (import \"server-only\") would fail the build.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(server|sandbox|cli|tools|scripts|conformance)/" },
    },
    {
      name: "app-not-sandbox",
      comment: "The dashboard talks to the sandbox over the wire only, as it talks to AWS.",
      severity: "error",
      from: { path: "^(app|proxy\\.ts|instrumentation(-client)?\\.ts)" },
      to: { path: "^(sandbox|cli|tools|scripts|conformance)/" },
    },
    {
      name: "sandbox-is-its-own-program",
      comment: "The sandbox imports lib/ and nothing of the dashboard.",
      severity: "error",
      from: { path: "^sandbox/", pathNot: TESTS },
      to: { path: "^(app|components|server|cli|tools|scripts|conformance)/" },
    },
    {
      name: "cli-is-its-own-program",
      comment: "The CLI runs in plain Node: no views, no server-only modules, no sandbox.",
      severity: "error",
      from: { path: "^cli/", pathNot: TESTS },
      to: { path: "^(app|components|server|sandbox|tools|scripts|conformance)/" },
    },
    {
      name: "test-support-for-tests",
      comment: "Test scaffolding lives beside the tests and is imported only by tests and tooling.",
      severity: "error",
      from: { path: "^(app|components|lib|server|sandbox|cli)/", pathNot: TESTS },
      to: { path: "/test-support(/|\\.ts$)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    exclude: { path: "^(\\.next|node_modules)/" },
  },
};
