/**
 * E-mail over SMTP_URL with nodemailer's pooled transport: a few long-lived connections carry
 * many messages, which is what lets a sweep deliver tens of thousands of reminders in a minute.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { smtpOutcome, type DeliveryOutcome } from "./delivery-outcome.ts";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<DeliveryOutcome>;
  close(): void;
}

export function createEmailSender(options: { smtpUrl: string; from: string; maxConnections: number; timeoutMs: number }): EmailSender {
  const transport: Transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections,
    maxMessages: Infinity,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  } as nodemailer.TransportOptions);
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          // Without a fixed Date header nodemailer stamps the send time; the Message-ID is what
          // identifies a re-send, the Date may differ.
        });
        return { ok: true };
      } catch (error) {
        return smtpOutcome(error);
      }
    },
    close() {
      transport.close();
    },
  };
}
