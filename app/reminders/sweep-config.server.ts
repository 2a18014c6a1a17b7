/**
 * The sweep's settings from the environment, checked with zod; a bad value is one line saying
 * which variable to fix.
 */
import { z } from "zod";

const ms = (fallback: number) => z.coerce.number({ invalid_type_error: "must be a number of milliseconds" }).int().positive().default(fallback);

const SweepEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .url("must be a URL like smtp://user:pass@mail.example:587")
    .refine((u) => /^smtps?:\/\//i.test(u), "must start with smtp:// (STARTTLS) or smtps:// (TLS), e.g. smtp://user:pass@mail.example:587")
    .optional(),
  MAIL_FROM: z.string().default("ClaimTrail <reminders@claimtrail.invalid>"),
  APP_URL: z.string().url("must be a URL like https://claimtrail.example").optional(),
  PORT: z.coerce.number().int().default(3000),
  REMINDER_INTERVAL_MS: ms(3 * 60_000),
  REMINDER_LEASE_MS: ms(5 * 60_000),
  REMINDER_BATCH: z.coerce.number().int().min(1).max(5000).default(500),
  REMINDER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  REMINDER_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
  REMINDER_SEND_TIMEOUT_MS: ms(30_000),
  REMINDER_RETRY_BASE_MS: ms(60_000),
  REMINDER_RETRY_MAX_MS: ms(6 * 60 * 60_000),
  // 0 turns the periodic re-plan off (tests that seed reminders directly).
  REMINDER_REPLAN_MS: z.coerce
    .number({ invalid_type_error: "must be a number of milliseconds (0 = off)" })
    .int()
    .min(0)
    .default(60 * 60_000),
  // "private" also allows LAN addresses (self-hosting with home automation); "any" also loopback (tests).
  REMINDER_WEBHOOK_NETWORKS: z.enum(["public", "private", "any"]).default("public"),
  REMINDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
});

export interface SweepConfig {
  smtpUrl: string | null;
  mailFrom: string;
  appUrl: string;
  /** The domain of deterministic Message-IDs. */
  messageDomain: string;
  intervalMs: number;
  leaseMs: number;
  batchSize: number;
  concurrency: number;
  smtpConnections: number;
  sendTimeoutMs: number;
  retry: { baseMs: number; maxMs: number; maxAttempts: number };
  /** How often the in-server loop re-plans every order (alerts raised by time passing); 0 = never. */
  replanEveryMs: number;
  /** Which webhook targets the server may call (see webhook-target.server.ts). */
  webhookNetworks: "public" | "private" | "any";
}

export function loadSweepConfig(env: Record<string, string | undefined> = process.env): SweepConfig {
  const parsed = SweepEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  const appUrl = new URL(e.APP_URL ?? `http://localhost:${e.PORT}`).origin;
  return {
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    appUrl,
    messageDomain: messageDomainOf(appUrl),
    intervalMs: e.REMINDER_INTERVAL_MS,
    leaseMs: e.REMINDER_LEASE_MS,
    batchSize: e.REMINDER_BATCH,
    concurrency: e.REMINDER_CONCURRENCY,
    smtpConnections: e.REMINDER_SMTP_CONNECTIONS,
    sendTimeoutMs: e.REMINDER_SEND_TIMEOUT_MS,
    retry: { baseMs: e.REMINDER_RETRY_BASE_MS, maxMs: e.REMINDER_RETRY_MAX_MS, maxAttempts: e.REMINDER_MAX_ATTEMPTS },
    replanEveryMs: e.REMINDER_REPLAN_MS,
    webhookNetworks: e.REMINDER_WEBHOOK_NETWORKS,
  };
}

/** The domain of reminder Message-IDs: the app's host, so the web app and the sweep agree. */
export function messageDomainOf(appUrl: string): string {
  return new URL(appUrl).hostname || "claimtrail.invalid";
}
