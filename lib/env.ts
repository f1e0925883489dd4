import { z } from "zod";

// Configuration is read once and validated here so that a missing or malformed variable
// fails with a message naming it, instead of surfacing later as a confusing runtime error.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: point it at PostgreSQL, or run `npm start`, which starts an embedded one" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
  MEILI_HOST: z
    .string({ error: "MEILI_HOST is not set: point it at Meilisearch, or run `npm start`, which starts a local one" })
    .url("MEILI_HOST must be a URL such as http://127.0.0.1:7700"),
  // Admin-level key, used only on the server (indexing and queries). Never sent to browsers.
  MEILI_MASTER_KEY: z.string().min(16, "MEILI_MASTER_KEY must be at least 16 characters").optional(),
  // Search-only key for visitors' queries (lib/search/client.ts searchMeili); npm start creates
  // it through /keys. Without it, queries use MEILI_MASTER_KEY.
  MEILI_SEARCH_KEY: z.string().min(16, "MEILI_SEARCH_KEY must be a Meilisearch API key").optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "MEILI_INDEX may hold letters, digits, - and _")
    .default("qa"),
  PRESSROOM_SEARCH_WORKER: z.enum(["inprocess", "off"]).default("inprocess"),
  // hybrid: long queries also search by meaning, with vectors from the model trained by
  // `npm run search:train-embeddings` (PRESSROOM_EMBEDDING_MODEL, default .data/embeddings.bin).
  PRESSROOM_SEARCH_MODE: z.enum(["keyword", "hybrid"], { error: "PRESSROOM_SEARCH_MODE must be keyword or hybrid" }).default("keyword"),
  PRESSROOM_EMBEDDING_MODEL: z.string().min(1).optional(),
  PRESSROOM_PUBLIC_URL: z.string().url("PRESSROOM_PUBLIC_URL must be the site's public URL").optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  // Alerts (lib/alerts). Without SMTP_URL email alerts are refused with a clear message and
  // editors see "email not configured"; webhooks still work.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.org:587")
    .optional(),
  PRESSROOM_MAIL_FROM: z.string().min(3, "PRESSROOM_MAIL_FROM must be a sender such as Pressroom <alerts@example.org>").optional(),
  // 1 lets webhooks target loopback and private addresses (tests, local use); refused otherwise.
  PRESSROOM_WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"], { error: "PRESSROOM_WEBHOOK_ALLOW_PRIVATE must be 0 or 1" }).default("0"),
  PRESSROOM_ALERTS_WORKER: z.enum(["inprocess", "off"], { error: "PRESSROOM_ALERTS_WORKER must be inprocess or off" }).default("inprocess"),
  // Hour (UTC) at which daily digests go out.
  PRESSROOM_DIGEST_HOUR: z.coerce.number().int().min(0).max(23, "PRESSROOM_DIGEST_HOUR must be an hour 0-23 (UTC)").default(7),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Pressroom configuration is invalid:\n${lines.join("\n")}`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.NEXTAUTH_SECRET) {
    throw new Error("Pressroom configuration is invalid:\n  - NEXTAUTH_SECRET: required in production (any random string of 32+ characters)");
  }
  cached = parsed.data;
  return cached;
}

/** Public base URL for absolute links (feeds, citations, canonical tags). */
export function publicBaseUrl(): string {
  const fromEnv = process.env.PRESSROOM_PUBLIC_URL ?? process.env.NEXTAUTH_URL;
  return (fromEnv ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}
