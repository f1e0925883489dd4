type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client address as reported by the reverse proxy: the first x-forwarded-for hop, else
 * x-real-ip. These headers are only trustworthy behind a proxy that sets them; without one a
 * client can forge them, which is why login throttling also counts per email.
 */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const real = header(headers, "x-real-ip")?.trim();
  return real ? real.slice(0, 64) : null;
}
