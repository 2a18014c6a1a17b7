/** A provider's timestamp as ISO 8601 UTC, or null when it is missing or not a date. */
export function toUtcIso(value: unknown): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
