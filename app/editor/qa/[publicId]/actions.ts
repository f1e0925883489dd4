"use server";

import { requireRole } from "@/lib/auth/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { editPair, pairEditSchema, type PairSnapshot } from "@/lib/archive/edit-pair";
import { changePairStatus } from "@/lib/archive/status";
import { editResult, formField, refreshPublicPages, statusChangeResult } from "../../form-actions";
import type { PairFormState, StatusFormState } from "@/components/editor/form-state";
import type { LinkFormState } from "@/components/editor/counterpart-review";
import { AlignmentEditError, editPairLink } from "@/lib/alignment/edit";

function submittedPair(form: FormData): { publicId: string; version: string; snapshot: PairSnapshot } {
  const ids = form.getAll("turnId").map(String);
  const kinds = form.getAll("turnKind").map(String);
  const speakers = form.getAll("speaker").map(String);
  const texts = form.getAll("text").map(String);
  return {
    publicId: formField(form, "publicId"),
    version: formField(form, "version"),
    snapshot: {
      outlet: formField(form, "outlet").trim() || null,
      topics: formField(form, "topics")
        .split(/[,\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
      correctionNote: formField(form, "correctionNote").trim() || null,
      turns: ids.map((id, i) => ({
        turnId: Number(id),
        kind: kinds[i] === "QUESTION" ? "QUESTION" : "ANSWER",
        speaker: (speakers[i] ?? "").trim() || null,
        text: texts[i] ?? "",
      })),
    },
  };
}

export async function savePairAction(_previous: PairFormState, form: FormData): Promise<PairFormState> {
  const user = await requireRole("EDITOR");
  const submitted = submittedPair(form);
  return editResult(submitted.snapshot, submitted.version, async () =>
    editPair(pairEditSchema.parse({ publicId: submitted.publicId, version: submitted.version, ...submitted.snapshot }), { userId: user.id, ip: await requestIp() }),
  );
}

export async function changePairStatusAction(_previous: StatusFormState, form: FormData): Promise<StatusFormState> {
  const user = await requireRole("EDITOR");
  const publicId = formField(form, "publicId");
  const input = { action: formField(form, "action") as "unpublish", version: formField(form, "version"), reason: formField(form, "reason") };
  return statusChangeResult("pair", async () => changePairStatus(publicId, input, { userId: user.id, ip: await requestIp() }));
}

/** Confirm, remove or make a link to the same exchange in another language (lib/alignment/edit.ts). */
export async function pairLinkAction(_previous: LinkFormState, form: FormData): Promise<LinkFormState> {
  const user = await requireRole("EDITOR");
  const input = { action: formField(form, "action"), pair: formField(form, "pair"), counterpart: formField(form, "counterpart") } as Parameters<typeof editPairLink>[0];
  try {
    const message = await editPairLink(input, { userId: user.id, ip: await requestIp() });
    refreshPublicPages();
    return { status: "done", message };
  } catch (error) {
    if (error instanceof AlignmentEditError) return { status: "error", message: error.message };
    throw error;
  }
}
