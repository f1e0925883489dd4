"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { resumeSubscriptionAsEditor, stopSubscriptionAsEditor } from "@/lib/alerts/editor";

function subscriptionId(form: FormData): number {
  const id = Number(form.get("id"));
  if (!Number.isInteger(id) || id < 1) redirect("/editor/alerts?error=Unknown%20subscription");
  return id;
}

export async function stopAlertAction(form: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  await stopSubscriptionAsEditor(subscriptionId(form), { userId: user.id, ip: await requestIp() });
  redirect("/editor/alerts?saved=stopped");
}

export async function resumeAlertAction(form: FormData): Promise<void> {
  const user = await requireRole("EDITOR");
  await resumeSubscriptionAsEditor(subscriptionId(form), { userId: user.id, ip: await requestIp() });
  redirect("/editor/alerts?saved=resumed");
}
