import { ImageResponse } from "next/og";
import { formatDate } from "@/lib/catalog/format";
import { ogSafeText } from "@/lib/catalog/og-text";
import { answererNames, routeQaCached } from "@/lib/catalog/qa-view";
import { pairTitle } from "@/lib/catalog/paths";

export const alt = "A question and its answer from a press conference, in the Pressroom archive";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const dynamic = "force-dynamic";

export default async function OpenGraphImage({ params }: { params: Promise<{ publicId: string; slug: string }> }) {
  const { publicId, slug } = await params;
  const routing = await routeQaCached(publicId, slug);
  const lookup = routing.kind === "render" ? routing.lookup : null;
  const question = lookup ? ogSafeText(pairTitle(lookup.question, 180), `Question ${lookup.pair.ordinal} · ${publicId}`) : `Q&A ${publicId}`;
  const who = lookup ? ogSafeText(answererNames(lookup.pair).join(", "), "") : "";
  const conference = lookup ? ogSafeText(lookup.pair.conference.title, lookup.pair.conference.organizer ?? "Press conference") : "";
  const date = lookup?.pair.conference.heldOn ? formatDate(lookup.pair.conference.heldOn) : "";
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", background: "#14324a", color: "#fff", padding: 64 }}>
      <div style={{ fontSize: 30, fontWeight: 700, opacity: 0.9 }}>Pressroom</div>
      <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
        <div style={{ fontSize: 52, lineHeight: 1.2 }}>{question}</div>
        {who ? <div style={{ fontSize: 32, color: "#fde68a" }}>{`Answered by ${who}`}</div> : null}
      </div>
      <div style={{ fontSize: 26, opacity: 0.85 }}>{[conference, date].filter(Boolean).join(" · ")}</div>
    </div>,
    size,
  );
}
