import { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { exceedsBodyLimit, payloadTooLarge } from "@/lib/auth/body-limit";
import { AlertLimitError } from "./limits";
import { MailNotConfiguredError } from "./mail";
import { AlertInputError, frequencySchema, requestEmailAlert, requestWebhookAlert } from "./subscriptions";

// POST /api/v1/alerts (issue 16's contract): follow the search given as a /search query
// string by email (double opt-in) or webhook (signed challenge). Answers 202 with the state.

const MAX_BODY = 16 * 1024;

export const alertRequestSchema = z
  .object({
    search: z.string({ error: "search is required: the query string of a /search URL, e.g. q=tariffs&speaker=…" }).max(4000, "search is longer than 4000 characters"),
    email: z.string().max(254, "email is longer than 254 characters").optional(),
    webhook: z.string().max(2000, "webhook is longer than 2000 characters").optional(),
    secret: z.string().min(16, "secret must be at least 16 characters").max(200, "secret is longer than 200 characters").optional(),
    frequency: frequencySchema.optional().transform((f) => f ?? "IMMEDIATE"),
  })
  .strict()
  .refine((b) => (b.email === undefined) !== (b.webhook === undefined), { message: "give exactly one of email or webhook" })
  .refine((b) => b.secret === undefined || b.webhook !== undefined, { message: "secret goes with webhook only", path: ["secret"] });

const json = (body: unknown, status: number, headers: Record<string, string> = {}) => Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

export async function handleAlertRequest(request: Request): Promise<Response> {
  if (await exceedsBodyLimit(request, MAX_BODY)) return payloadTooLarge(MAX_BODY);
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return json({ error: "invalid_body", message: "the body must be JSON" }, 400);
  }
  const parsed = alertRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    return json({ error: "invalid_parameters", message }, 400);
  }
  const body = parsed.data;
  const ip = clientIp(request.headers);
  try {
    if (body.email !== undefined) {
      const outcome = await requestEmailAlert({ search: body.search, email: body.email, frequency: body.frequency, ip });
      return json({ ...outcome, message: "If this address can receive mail, a confirmation link is on its way; alerts start once it is followed." }, 202);
    }
    const outcome = await requestWebhookAlert({ search: body.search, webhook: body.webhook!, secret: body.secret, frequency: body.frequency, ip });
    return json(outcome, 202);
  } catch (error) {
    return errorResponse(error);
  }
}

/** Shared with the follow form's server action: the same messages for the same failures. */
export function alertErrorMessage(error: unknown): { status: number; error: string; message: string } | null {
  if (error instanceof AlertInputError) return { status: 400, error: "invalid_parameters", message: error.message };
  if (error instanceof AlertLimitError) return { status: 429, error: "too_many_requests", message: error.message };
  if (error instanceof MailNotConfiguredError) return { status: 503, error: "email_not_configured", message: error.message };
  const code = (error as { code?: string }).code;
  if (code === "ECONNECTION" || code === "ETIMEDOUT" || code === "EENVELOPE" || code === "EMESSAGE" || code === "EAUTH" || code === "ESOCKET") {
    return { status: 503, error: "email_unavailable", message: "the confirmation email could not be sent now; try again later" };
  }
  return null;
}

function errorResponse(error: unknown): Response {
  const known = alertErrorMessage(error);
  if (!known) throw error;
  return json({ error: known.error, message: known.message }, known.status, known.status === 429 ? { "Retry-After": "3600" } : {});
}
