import { defineConfig } from "vitest/config";

/**
 * Tests whose peer, the local Bluesky network with its AppView (test/peers/bluesky/localNetwork.ts), needs the
 * PostgreSQL server and Redis. `npm test` needs nothing but Node.js, so they run only where a server is given:
 * in .ci/run's PostgreSQL stage (TEST_DATABASE_URL), or locally with TEST_DATABASE_URL set.
 */
const NEEDS_POSTGRES_SERVER = [
  "test/bluesky-contract.test.ts",
  "test/bluesky-oauth.test.ts",
  "test/networks-end-to-end.test.ts",
];

export default defineConfig({
  test: {
    // web/src's unit tests are its pure modules (no DOM), run here beside the server's.
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    exclude: [
      "test/e2e/**",
      "node_modules/**",
      "dist/**",
      ...(process.env.TEST_DATABASE_URL ? [] : NEEDS_POSTGRES_SERVER),
    ],
    globalSetup: ["test/support/globalSetup.ts"],
    setupFiles: ["test/support/failOnWarnings.ts"],
    // CI runs its lanes at once on two cores: a test that takes ten seconds alone may take three times that there.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
