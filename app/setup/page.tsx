import type { Metadata } from "next";
import Link from "next/link";
import "@/components/editor/editor.css";
import { setupStateMessage, setupTokenState } from "@/lib/auth/setup";
import { createFirstAdminAction } from "./actions";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Pressroom", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw.slice(0, 200) : "";
  const state = await setupTokenState(token);
  return (
    <div className="narrow">
      <h1>Create the first admin</h1>
      {state === "valid" ? (
        <>
          <p className="muted">This archive has no editors yet. The account you create here is an admin; it can invite everyone else. The link works once.</p>
          <SetupForm token={token} action={createFirstAdminAction} />
        </>
      ) : (
        <>
          <p role="alert" className="form-error">
            {setupStateMessage(state)}
          </p>
          <p>
            <Link href="/login">Go to sign-in</Link>
          </p>
        </>
      )}
    </div>
  );
}
