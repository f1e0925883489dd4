import Link from "next/link";
import { confirmAlertAction } from "@/app/alerts/actions";
import { describeSearch } from "@/lib/alerts/saved-search";
import { lookupConfirmation } from "@/lib/alerts/subscriptions";

export const metadata = { title: "Confirm your alert", robots: { index: false } };
export const dynamic = "force-dynamic";

// Opening the link does not confirm by itself (mail scanners open links too): one click does.
export default async function ConfirmAlertPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await lookupConfirmation(token);
  if (!found.ok) {
    return (
      <>
        <h1>This confirmation link does not work</h1>
        <p>{found.reason === "expired" ? "It has expired (links work for 48 hours)." : "It was already used, or it is not a link we sent."}</p>
        <p>
          To follow a search, open it on the <Link href="/search">search page</Link> and choose “Follow this search” again.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Confirm your alert</h1>
      <p>
        You asked for email alerts for <Link href={`/search?${found.search}`}>{describeSearch(found.search)}</Link>.
      </p>
      <form action={confirmAlertAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm alert</button>
      </form>
    </>
  );
}
