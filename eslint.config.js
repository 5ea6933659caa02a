// Lint: typescript-eslint's recommended rules plus the house limits on file and function size.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", "src/db/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "max-lines": ["error", { max: 500, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["warn", { max: 150, skipBlankLines: true, skipComments: true }],
      "no-console": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  { files: ["web/**/*.{ts,tsx}", "widget/**/*.{ts,js}"], languageOptions: { globals: { ...globals.browser } } },
  // The CLI talks to a person on the terminal; tests may assert with non-null assertions.
  {
    files: ["src/cli/**/*.ts", "src/text/train/**/*.ts", "bench/**/*.{ts,mjs}", "scripts/**/*.{js,ts}", ".ci/**/*.mjs"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.test.ts", "test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "max-lines-per-function": "off" },
  },
  { files: ["web/src/pages/**/*.tsx"], rules: { "max-lines-per-function": ["warn", { max: 200 }] } },
  // The contract's purity (zod and the pure core only) is checked by npm run deps (.dependency-cruiser.cjs).
  // The web app takes the contract's types only: no schema code in its bundle.
  {
    files: ["web/src/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["@contract/*"], allowTypeImports: true, message: "Import the contract's types only." }],
        },
      ],
      // Data is loaded through useLoad (web/src/api/useLoad.ts), which lets only the latest answer count; a load
      // started in an effect by hand could overwrite a newer one with a slow old answer (#16.15).
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.name='useEffect'] CallExpression[callee.object.name=/^(api|[a-z]+Api)$/], CallExpression[callee.name='useEffect'] CallExpression[callee.name='call']",
          message: "Load data with useLoad (web/src/api/useLoad.ts), not by calling the API in an effect.",
        },
      ],
    },
  },
);
