/**
 * What a failed delivery means: try again later (temporary) or stop and show it (permanent).
 * SMTP 4xx, timeouts and connection problems are temporary; 5xx is the server saying no for good.
 * Webhooks: 408, 429 and 5xx are temporary, other 4xx permanent.
 */
export type DeliveryOutcome = { ok: true } | { ok: false; permanent: boolean; error: string };

const TEMPORARY_NETWORK_CODES = new Set([
  "ETIMEDOUT",
  "ECONNECTION",
  "ESOCKET",
  "EDNS",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_HEADERS_TIMEOUT",
]);

export function smtpOutcome(error: unknown): DeliveryOutcome {
  const err = error as { responseCode?: number; code?: string; message?: string; response?: string };
  const message = oneLine(err?.response || err?.message || String(error));
  if (typeof err?.responseCode === "number") {
    if (err.responseCode >= 500) return { ok: false, permanent: true, error: `mail server refused (${err.responseCode}): ${message}` };
    if (err.responseCode >= 400) return { ok: false, permanent: false, error: `mail server asked to retry (${err.responseCode}): ${message}` };
  }
  if (err?.code && TEMPORARY_NETWORK_CODES.has(err.code))
    return { ok: false, permanent: false, error: `mail server unreachable (${err.code}): ${message}` };
  // Unknown failures retry (bounded by the attempt limit): losing a reminder is worse than a late one.
  return { ok: false, permanent: false, error: message };
}

export function webhookStatusOutcome(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return { ok: true };
  if (status === 408 || status === 429 || status >= 500) return { ok: false, permanent: false, error: `webhook answered ${status}` };
  return { ok: false, permanent: true, error: `webhook refused with ${status}; check the URL in your reminder settings` };
}

export function webhookErrorOutcome(error: unknown): DeliveryOutcome {
  const err = error as { name?: string; code?: string; cause?: { code?: string }; message?: string };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return { ok: false, permanent: false, error: "webhook did not answer in time" };
  const code = err?.cause?.code ?? err?.code;
  return { ok: false, permanent: false, error: `webhook unreachable${code ? ` (${code})` : ""}: ${oneLine(err?.message ?? String(error))}` };
}

/** Exponential backoff: base, 2×base, 4×base … capped; never a tight loop. */
export function nextAttemptDelayMs(attempts: number, policy: { baseMs: number; maxMs: number }): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}
