/** The environment `next start` gets in a benchmark: production mode on `port`, a throw-away session secret. */
export function benchAppEnv(port: number): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "production", PORT: String(port), NEXTAUTH_SECRET: "bench-secret-0123456789-abcdefghij", NEXT_TELEMETRY_DISABLED: "1" } as NodeJS.ProcessEnv;
}
