/** An iCalendar HTTP answer: never cached by proxies (it is personal), optionally as a download. */
export function calendarResponse(ics: string, options: { download?: string }): Response {
  const headers: Record<string, string> = {
    "Content-Type": "text/calendar; charset=utf-8",
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex",
  };
  if (options.download) {
    // Ids are ASCII, but keep the header Latin-1 safe whatever comes in (RFC 6266 fallback).
    const ascii = options.download.replace(/[^A-Za-z0-9._-]/g, "_");
    headers["Content-Disposition"] = `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.download)}`;
  }
  return new Response(ics, { headers });
}
