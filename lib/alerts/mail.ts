import nodemailer, { type Transporter } from "nodemailer";
import { env, publicBaseUrl } from "@/lib/env";

// Email goes through the newsroom's SMTP server (SMTP_URL). Without it email alerts are
// refused up front with MailNotConfiguredError, never accepted and silently dropped.

export class MailNotConfiguredError extends Error {
  constructor() {
    super("email alerts are not configured on this server (SMTP_URL is not set)");
  }
}

export function mailConfigured(): boolean {
  return Boolean(smtpUrl());
}

// Validated by env() like every variable, but read each time: tests switch it on and off.
function smtpUrl(): string | undefined {
  env();
  return process.env.SMTP_URL || undefined;
}

let cached: { url: string; transport: Transporter } | undefined;

function transport(): Transporter {
  const url = smtpUrl();
  if (!url) throw new MailNotConfiguredError();
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

export function senderAddress(): string {
  return env().PRESSROOM_MAIL_FROM ?? `Pressroom <alerts@${new URL(publicBaseUrl()).hostname}>`;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** One-click unsubscribe URL (RFC 8058); alert mails carry it, the confirmation mail does not. */
  unsubscribeUrl?: string;
  /** Stable id, so a message sent again after a crash is recognisable as the same one. */
  messageId?: string;
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
  await transport().sendMail({
    from: senderAddress(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.unsubscribeUrl
      ? { headers: { "List-Unsubscribe": `<${mail.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "Auto-Submitted": "auto-generated" } }
      : {}),
  });
}

/** Permanent refusal of the recipient by the mail server (5xx), as opposed to an outage. */
export function isPermanentRecipientError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 550 && code < 560;
}
