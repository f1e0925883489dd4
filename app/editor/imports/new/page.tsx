import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { IMPORT_PROBLEM_COOKIE } from "@/lib/drafts/native-upload";
import { requireRoleForPage } from "@/lib/auth/guard";
import { ImportStartForm } from "@/components/editor/import-start-form";
import { startImportAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import a transcript", robots: { index: false } };

export default async function NewImportPage() {
  await requireRoleForPage("EDITOR");
  return (
    <>
      <p>
        <Link href="/editor/imports">← Imports</Link>
      </p>
      <h1>Import a transcript</h1>
      <p className="muted">
        Upload a file or paste the text of a press conference. Nothing is published yet: you review the parsed questions and answers first, and the draft is kept on the server
        while you work.
      </p>
      <ImportStartForm action={startImportAction} problem={(await cookies()).get(IMPORT_PROBLEM_COOKIE)?.value ?? null} />
    </>
  );
}
