// Shared by the transcript-editing tests: the current version of a conference, and one
// operation on it as an editor would send it (from that version, so it never conflicts).

export async function versionOf(slug: string): Promise<number> {
  const { db } = await import("@/lib/db/client");
  return (await db().conference.findUniqueOrThrow({ where: { slug }, select: { version: true } })).version;
}

export async function editAs(userId: number, ip: string, slug: string, op: Record<string, unknown>, correctionNote?: string) {
  const { editTranscript } = await import("@/lib/archive/edit-transcript");
  return editTranscript({ slug, version: await versionOf(slug), correctionNote, edit: op as never }, { userId, ip });
}
