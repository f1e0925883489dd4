import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/editor/sign-out-button";
import "@/components/editor/editor.css";
import { requireRoleForPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: { default: "Editor", template: "%s — Pressroom editor" }, robots: { index: false } };
export const dynamic = "force-dynamic";

// The layout guard is a convenience for the navigation; every page and action under
// /editor still calls the guard itself, because layouts do not re-run on every navigation.
export default async function EditorLayout({ children }: { children: ReactNode }) {
  const user = await requireRoleForPage("EDITOR");
  return (
    <div className="editor">
      <nav aria-label="Editor" className="editor-nav">
        <ul className="nav-inline">
          <li>
            <Link href="/editor">Dashboard</Link>
          </li>
          <li>
            <Link href="/editor/imports/new">Import a transcript</Link>
          </li>
          <li>
            <Link href="/editor/people">People and outlets</Link>
          </li>
          <li>
            <Link href="/editor/search-settings">Search settings</Link>
          </li>
          <li>
            <Link href="/editor/alerts">Alerts</Link>
          </li>
          <li>
            <Link href="/editor/audit">Audit log</Link>
          </li>
          {user.role === "ADMIN" ? (
            <li>
              <Link href="/editor/users">Users</Link>
            </li>
          ) : null}
        </ul>
        {/* A div, not a p: the sign-out form inside a <p> makes the browser close the paragraph
            early, so the HTML no longer matched React's tree and every editor page was thrown away
            and rendered again in the browser at load (losing a file chosen before that). */}
        <div className="editor-nav__user">
          Signed in as <strong>{user.name ?? user.email}</strong> ({user.role.toLowerCase()}) <SignOutButton />
        </div>
      </nav>
      {children}
    </div>
  );
}
