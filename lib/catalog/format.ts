/** Dates are calendar days (no time zone); format them in UTC so a server's zone never shifts them. */
export function formatDate(date: Date | null | undefined, style: "long" | "iso" = "long"): string {
  if (!date) return "";
  if (style === "iso") return date.toISOString().slice(0, 10);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}
