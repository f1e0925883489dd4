import { headers } from "next/headers";
import { clientIp } from "./client-ip";

/** Client IP of the current request for the audit trail; null outside a request (tests, scripts). */
export async function requestIp(): Promise<string | null> {
  try {
    return clientIp(await headers());
  } catch {
    return null;
  }
}
