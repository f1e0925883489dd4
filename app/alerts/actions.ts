"use server";

import { redirect } from "next/navigation";
import { requestIp } from "@/lib/auth/request-ip";
import { followFromForm, type FollowFormState } from "@/lib/alerts/follow-form";
import { confirmEmailAlert, setFrequency, unsubscribe } from "@/lib/alerts/subscriptions";
import { manageToken, subscriptionIdFromManageToken } from "@/lib/alerts/tokens";

// Readers follow, confirm and unsubscribe without an account: the confirmation token or the
// signed manage token in the link is the credential (lib/alerts/tokens.ts).

export async function followSearchAction(_previous: FollowFormState, form: FormData): Promise<FollowFormState> {
  return followFromForm(form, await requestIp());
}

export async function confirmAlertAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const outcome = await confirmEmailAlert(token);
  if (!outcome.ok) redirect(`/alerts/confirm/${encodeURIComponent(token)}`);
  redirect(`/alerts/manage/${manageToken(outcome.subscriptionId)}?confirmed=1`);
}

export async function manageAlertAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const id = subscriptionIdFromManageToken(token);
  if (id === null) redirect("/alerts/manage/invalid");
  if (form.get("intent") === "unsubscribe") {
    await unsubscribe(id);
    redirect(`/alerts/manage/${token}?unsubscribed=1`);
  }
  await setFrequency(id, form.get("frequency") === "daily" ? "DAILY" : "IMMEDIATE");
  redirect(`/alerts/manage/${token}?saved=1`);
}
