import { alertErrorMessage } from "./api";
import { AlertInputError, emailSchema, requestEmailAlert, requestWebhookAlert } from "./subscriptions";

// The "Follow this search" form (components/alerts/follow-search.tsx): one field takes an
// email address or a webhook URL, so following is two clicks (open, Follow) and a typed address.

export interface FollowFormState {
  status: "idle" | "done" | "error";
  message: string;
  secret?: string;
}

export async function followFromForm(form: FormData, ip: string | null): Promise<FollowFormState> {
  const search = String(form.get("search") ?? "");
  const target = String(form.get("target") ?? "").trim();
  const frequency = form.get("frequency") === "daily" ? "DAILY" : "IMMEDIATE";
  try {
    if (/^https?:\/\//i.test(target)) {
      const outcome = await requestWebhookAlert({ search, webhook: target, frequency, ip });
      if (outcome.state !== "active") return { status: "error", message: `Not following yet: ${outcome.message ?? "the webhook did not answer the challenge"}.` };
      return {
        status: "done",
        message: "Following: the webhook answered the challenge. Alerts are signed with the secret below (shown once).",
        ...(outcome.secret ? { secret: outcome.secret } : {}),
      };
    }
    if (!emailSchema.safeParse(target).success) throw new AlertInputError("Enter an email address, or a webhook URL starting with https://");
    await requestEmailAlert({ search, email: target, frequency, ip });
    return { status: "done", message: "Check your inbox: follow the confirmation link we sent to start the alerts. The link works for 48 hours." };
  } catch (error) {
    const known = alertErrorMessage(error);
    if (!known) throw error;
    const message = known.message.charAt(0).toUpperCase() + known.message.slice(1);
    return { status: "error", message: message.endsWith(".") ? message : `${message}.` };
  }
}
