// The dependency rule of docs/ARCHITECTURE.md, checked in `npm run lint` (and so in `npm test` and CI):
// domain and text are the pure core, app sits on them and db, server/cli/jobs sit on app, channels implement
// the port that domain declares, the browser code imports only what is listed here, and nothing goes in circles.
const ours = "^(src|web|widget|test|bench)/";
const testCode = "(\\.test\\.tsx?$|^test/|^bench/)";

/** What the web app and the widget may take from the server's source: pure, browser-safe modules only. */
const SHARED_WITH_WEB = [
  "^src/contract/",
  "^src/domain/roles\\.ts$",
  "^src/domain/postWorkflow\\.ts$",
  "^src/domain/knowledge/articleWorkflow\\.ts$",
  "^src/domain/knowledge/sharing\\.ts$",
  "^src/domain/knowledge/feedProblems\\.ts$",
  "^src/domain/guidelineChecks\\.ts$",
  "^src/domain/zonedTime\\.ts$",
  "^src/domain/reports/reportWeek\\.ts$",
  "^src/domain/reports/reportPeriod\\.ts$",
  "^src/domain/words/",
  "^src/text/tokens\\.ts$",
  "^src/text/excerpt\\.ts$",
];
const SHARED_WITH_WIDGET = ["^src/domain/website/proofOfWork\\.ts$", "^src/text/citizenText\\.ts$"];

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules that import each other cannot be understood or tested one at a time: break the circle.",
      from: {},
      to: { circular: true },
    },
    {
      name: "text-is-pure",
      severity: "error",
      comment: "src/text is German text analysis without I/O: it imports nothing of ours outside src/text.",
      from: { path: "^src/text/", pathNot: testCode },
      to: { path: ours, pathNot: "^src/text/" },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "src/domain holds the rules: it may use src/text's pure functions, nothing else of ours.",
      from: { path: "^src/domain/", pathNot: testCode },
      to: { path: ours, pathNot: "^src/(domain|text)/" },
    },
    {
      name: "contract-is-pure",
      severity: "error",
      comment: "src/contract is shared with the browser: zod schemas over the pure core only.",
      from: { path: "^src/contract/" },
      to: { path: ours, pathNot: "^src/(contract|domain|text)/" },
    },
    {
      name: "contract-uses-only-zod",
      severity: "error",
      comment:
        "src/contract is shared with the browser: no Node module and no package but zod (no server, no database).",
      from: { path: "^src/contract/" },
      to: {
        dependencyTypes: [
          "core",
          "npm",
          "npm-dev",
          "npm-optional",
          "npm-peer",
          "npm-bundled",
          "npm-no-pkg",
          "npm-unknown",
        ],
        pathNot: "^node_modules/zod/",
      },
    },
    {
      name: "db-holds-no-rules-of-app",
      severity: "error",
      comment: "src/db is schema, client and small queries: it does not reach up into use cases or the edges.",
      from: { path: "^src/db/" },
      to: { path: "^src/(app|server|channels|jobs|cli)/" },
    },
    {
      name: "app-below-the-edges",
      severity: "error",
      comment:
        "Use cases do not import the server, the CLI, the worker or a network: connectors come in through the port.",
      from: { path: "^src/app/" },
      to: { path: "^src/(server|channels|jobs|cli)/" },
    },
    {
      name: "net-below-everything-but-domain",
      severity: "error",
      comment:
        "src/net is outbound HTTP under the address rule, used by connectors and use cases alike: it knows neither.",
      from: { path: "^src/net/" },
      to: { path: "^src/(app|server|channels|jobs|cli|db)/" },
    },
    {
      name: "channels-implement-the-port",
      severity: "error",
      comment: "A connector implements domain/connector.ts; it does not call use cases or the server.",
      from: { path: "^src/channels/" },
      to: { path: "^src/(app|server|jobs|cli)/" },
    },
    {
      name: "server-and-jobs-apart",
      severity: "error",
      comment: "server and jobs are two process roles over app: neither imports the other or the CLI.",
      from: { path: "^src/(server|jobs)/" },
      to: { path: "^src/(cli|server|jobs)/", pathNot: "^src/$1/" },
    },
    {
      name: "edges-reach-networks-only-through-the-registry",
      severity: "error",
      comment: "Network quirks stay inside their folder: the server and the CLI only build the registry.",
      from: { path: "^src/(server|cli)/" },
      to: { path: "^src/channels/", pathNot: "^src/channels/registry\\.ts$" },
    },
    {
      name: "production-code-without-tests",
      severity: "error",
      comment: "Code that ships does not import tests, benchmarks or the browser code.",
      from: { path: "^src/", pathNot: testCode },
      to: { path: "^(test|bench|web|widget)/" },
    },
    {
      name: "production-code-without-dev-dependencies",
      severity: "error",
      comment:
        "npm ci --omit=dev must still run draht: what src/ needs at run time is a dependency, not a devDependency.",
      from: { path: "^src/", pathNot: testCode },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "web-imports-only-what-is-shared",
      severity: "error",
      comment: "The admin app talks to the server over HTTP; from the server's source it imports only SHARED_WITH_WEB.",
      from: { path: "^web/" },
      to: { path: "^(src|widget|test|bench)/", pathNot: SHARED_WITH_WEB },
    },
    {
      name: "widget-imports-only-what-is-shared",
      severity: "error",
      comment: "The citizen widget stays tiny: from the server's source it imports only SHARED_WITH_WIDGET.",
      from: { path: "^widget/" },
      to: { path: "^(src|web|test|bench)/", pathNot: SHARED_WITH_WIDGET },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^dist/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.deps.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
