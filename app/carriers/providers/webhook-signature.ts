import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Compares two strings in constant time (a plain === leaks how much of a signature matched). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** 17TRACK's push signature: SHA-256 (hex) of the raw body, a slash, and the account's security key. */
export function seventeenTrackSignature(rawBody: string, key: string): string {
  return createHash("sha256").update(`${rawBody}/${key}`, "utf8").digest("hex");
}

/** AfterShip's webhook signature: HMAC-SHA256 of the raw body with the webhook secret, base64. */
export function afterShipSignature(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}
