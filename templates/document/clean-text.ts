/**
 * Carrier texts arrive from pastes, e-mails and providers; control characters in them break PDF
 * text drawing and make letters unreadable. Newlines are kept (they carry meaning in notes), tabs
 * become spaces, everything else in the C0/C1 ranges (and lone surrogates) is removed.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(CONTROL, "").replace(LONE_SURROGATE, "\ufffd");
}

/** One line for table cells and letter summaries: newlines and runs of spaces collapse. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, " ").trim();
}

/** Shortens to at most `max` characters (code points), marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join("") + "…";
}
