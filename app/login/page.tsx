import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/editor/login-form";
import "@/components/editor/editor.css";
import { safeCallbackPath } from "@/lib/auth/guard";
import { currentSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Editor sign-in", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await currentSessionUser()) redirect(callbackUrl);
  return (
    <div className="narrow">
      <h1>Editor sign-in</h1>
      <p className="muted">Only editors of this archive have accounts. Ask an admin for an invitation.</p>
      <LoginForm callbackUrl={callbackUrl} />
    </div>
  );
}
