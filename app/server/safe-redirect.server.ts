/**
 * Where to send a person after login, or `fallback` when `to` could leave the site. remix-utils'
 * check accepts `/%09/evil.example`, which browsers follow off-site once the tab is decoded, so:
 * no control characters or backslashes (raw or percent-encoded), and the resolved origin must be
 * ours. Returns a path (never an absolute URL) so the Location header cannot name another host.
 */
export function safeRedirectPath(to: unknown, appOrigin: string, fallback = "/orders"): string {
  if (typeof to !== "string" || to === "") return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (/%(?:[01][0-9a-f]|7f|5c)/i.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, appOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== appOrigin) return fallback;
  return url.pathname + url.search + url.hash;
}
