"use client";

import { useEffect, useState } from "react";

/**
 * "Edit" for signed-in editors on the cached public pages. The cached HTML is the same for
 * everyone and holds no link; after load the browser asks next-auth's /api/auth/session (which
 * answers {} to anonymous visitors) and shows the link only when someone is signed in. The
 * editor pages check the role again, so the link itself grants nothing.
 */
export function EditLink({ href, label }: { href: string; label: string }) {
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/auth/session", { signal: controller.signal, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: unknown } | null) => setSignedIn(Boolean(session?.user)))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  if (!signedIn) return null;
  return (
    <a href={href} className="edit-link no-print">
      {label}
    </a>
  );
}
