import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm, loginErrorMessage } from "@/components/editor/login-form";
import "@/components/editor/editor.css";
import { formCsrfToken } from "@/lib/auth/csrf";
import { currentSessionUser } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/redirect";

export const metadata: Metadata = { title: "Editor sign-in", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(one(params.callbackUrl), publicBaseUrl());
  if (await currentSessionUser()) redirect(callbackUrl);
  const csrfToken = await formCsrfToken();
  if (!csrfToken) {
    // Only next-auth's endpoints can set its CSRF cookie; it sends the browser straight back
    // here with from=signin. If the cookie is still missing then, the browser refuses cookies.
    if (one(params.from) !== "signin") redirect(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    return (
      <div className="narrow">
        <h1>Editor sign-in</h1>
        <p role="alert" className="form-error">
          Signing in needs cookies; allow cookies for this site and reload the page.
        </p>
      </div>
    );
  }
  const error = loginErrorMessage(one(params.error));
  return (
    <div className="narrow">
      <h1>Editor sign-in</h1>
      {one(params.signedOut) ? <p role="status">You are signed out.</p> : null}
      <p className="muted">Only editors of this archive have accounts. Ask an admin for an invitation.</p>
      <LoginForm callbackUrl={callbackUrl} csrfToken={csrfToken} error={error} />
    </div>
  );
}
