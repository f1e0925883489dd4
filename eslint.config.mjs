// Next's own rules (core web vitals) with typescript-eslint's recommended set.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value left out on purpose (`const { slug: _slug, ...rest } = row`).
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Tests, benches and scripts hold no React code: their use* helpers are vitest fixtures, not hooks.
    files: ["tests/**", "e2e/**", "bench/**", "scripts/**", "**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "lib/generated/**", "node_modules/**", "bench/results/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
