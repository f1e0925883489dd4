import { publicBaseUrl } from "@/lib/env";
import { manageToken } from "./tokens";

export const manageUrl = (id: number) => `${publicBaseUrl()}/alerts/manage/${manageToken(id)}`;
export const unsubscribeUrl = (id: number) => `${publicBaseUrl()}/alerts/unsubscribe/${manageToken(id)}`;
export const confirmUrl = (token: string) => `${publicBaseUrl()}/alerts/confirm/${token}`;
export const searchUrl = (search: string) => `${publicBaseUrl()}/search${search ? `?${search}` : ""}`;
