"use server";

import { requireRole } from "@/lib/auth/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { conferenceEditSchema, editConference, type ConferenceSnapshot } from "@/lib/archive/edit-conference";
import { changeConferenceStatus } from "@/lib/archive/status";
import { editResult, formField, statusChangeResult } from "../../form-actions";
import type { ConferenceFormState, StatusFormState } from "@/components/editor/form-state";

function submittedConference(form: FormData): ConferenceSnapshot {
  const text = (name: string) => formField(form, name).trim() || null;
  return {
    title: formField(form, "title").trim(),
    heldOn: text("heldOn"),
    organizer: text("organizer"),
    location: text("location"),
    language: formField(form, "language").trim(),
    sourceUrl: text("sourceUrl"),
    sourceName: text("sourceName"),
    correctionNote: text("correctionNote"),
  };
}

export async function saveConferenceAction(_previous: ConferenceFormState, form: FormData): Promise<ConferenceFormState> {
  const user = await requireRole("EDITOR");
  const values = submittedConference(form);
  const version = formField(form, "version");
  return editResult(values, version, async () =>
    editConference(conferenceEditSchema.parse({ ...values, slug: formField(form, "slug"), version }), { userId: user.id, ip: await requestIp() }),
  );
}

export async function changeConferenceStatusAction(_previous: StatusFormState, form: FormData): Promise<StatusFormState> {
  const user = await requireRole("EDITOR");
  const slug = formField(form, "slug");
  const input = { action: formField(form, "action") as "unpublish", version: formField(form, "version"), reason: formField(form, "reason") };
  return statusChangeResult("conference", async () => changeConferenceStatus(slug, input, { userId: user.id, ip: await requestIp() }));
}
