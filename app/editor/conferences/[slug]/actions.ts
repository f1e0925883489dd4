"use server";

import { requireRole } from "@/lib/auth/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { conferenceEditSchema, editConference, type ConferenceSnapshot } from "@/lib/archive/edit-conference";
import { ConflictError } from "@/lib/archive/revisions";
import { changeConferenceStatus } from "@/lib/archive/status";
import { editErrorMessage, formField, refreshPublicPages, statusChangeResult } from "../../form-actions";
import type { ConferenceFormState, StatusFormState } from "@/components/editor/form-state";

function submittedConference(form: FormData): ConferenceSnapshot {
  const text = (name: string) => formField(form, name).trim() || null;
  return {
    title: formField(form, "title").trim(), heldOn: text("heldOn"), organizer: text("organizer"), location: text("location"),
    language: formField(form, "language").trim(), sourceUrl: text("sourceUrl"), sourceName: text("sourceName"), correctionNote: text("correctionNote"),
  };
}

export async function saveConferenceAction(_previous: ConferenceFormState, form: FormData): Promise<ConferenceFormState> {
  const user = await requireRole("EDITOR");
  const seq = Date.now();
  const values = submittedConference(form);
  const slug = formField(form, "slug");
  try {
    const input = conferenceEditSchema.parse({ ...values, slug, version: formField(form, "version") });
    const result = await editConference(input, { userId: user.id, ip: await requestIp() });
    // Also refreshes this editor page, which is under the same root layout.
    if (result.changed) refreshPublicPages();
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
    return { status: "error", seq, message: editErrorMessage(error), values, version: Number(formField(form, "version")) || undefined };
  }
}

export async function changeConferenceStatusAction(_previous: StatusFormState, form: FormData): Promise<StatusFormState> {
  const user = await requireRole("EDITOR");
  const slug = formField(form, "slug");
  const input = { action: formField(form, "action") as "unpublish", version: formField(form, "version"), reason: formField(form, "reason") };
  return statusChangeResult("conference", async () => changeConferenceStatus(slug, input, { userId: user.id, ip: await requestIp() }));
}
