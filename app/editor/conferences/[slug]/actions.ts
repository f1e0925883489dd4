"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireRole } from "@/lib/auth/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { conferenceEditSchema, editConference, type ConferenceSnapshot } from "@/lib/archive/edit-conference";
import { ConflictError, EditError } from "@/lib/archive/revisions";
import { changeConferenceStatus } from "@/lib/archive/status";
import type { ConferenceFormState, StatusFormState } from "@/components/editor/form-state";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function submittedConference(form: FormData): ConferenceSnapshot {
  const text = (name: string) => field(form, name).trim() || null;
  return {
    title: field(form, "title").trim(), heldOn: text("heldOn"), organizer: text("organizer"), location: text("location"),
    language: field(form, "language").trim(), sourceUrl: text("sourceUrl"), sourceName: text("sourceName"), correctionNote: text("correctionNote"),
  };
}

function message(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => i.message).join("; ");
  if (error instanceof EditError) return error.message;
  throw error;
}

export async function saveConferenceAction(_previous: ConferenceFormState, form: FormData): Promise<ConferenceFormState> {
  const user = await requireRole("EDITOR");
  const seq = Date.now();
  const values = submittedConference(form);
  const slug = field(form, "slug");
  try {
    const input = conferenceEditSchema.parse({ ...values, slug, version: field(form, "version") });
    const result = await editConference(input, { userId: user.id, ip: await requestIp() });
    revalidatePath(`/conferences/${slug}`);
    revalidatePath(`/editor/conferences/${slug}`);
    return {
      status: "saved", seq, version: result.version,
      message: result.changed ? `Saved. This is now version ${result.version}.` : "Nothing changed, so nothing was saved.",
    };
  } catch (error) {
    if (error instanceof ConflictError) {
      return {
        status: "conflict", seq, message: error.message, current: error.current as ConferenceSnapshot, currentVersion: error.currentVersion,
        lastEdit: error.lastEdit ? { userName: error.lastEdit.userName, at: error.lastEdit.at.toISOString() } : null, values,
      };
    }
    return { status: "error", seq, message: message(error), values, version: Number(field(form, "version")) || undefined };
  }
}

export async function changeConferenceStatusAction(_previous: StatusFormState, form: FormData): Promise<StatusFormState> {
  const user = await requireRole("EDITOR");
  const seq = Date.now();
  const slug = field(form, "slug");
  try {
    const result = await changeConferenceStatus(
      slug,
      { action: field(form, "action") as "unpublish", version: field(form, "version"), reason: field(form, "reason") },
      { userId: user.id, ip: await requestIp() },
    );
    revalidatePath(`/conferences/${slug}`);
    revalidatePath(`/editor/conferences/${slug}`);
    return { status: "done", seq, message: `The conference is now ${result.status.toLowerCase()}.` };
  } catch (error) {
    if (error instanceof ConflictError) return { status: "error", seq, message: `${error.message} Reload the page to see the current state.` };
    return { status: "error", seq, message: message(error) };
  }
}
