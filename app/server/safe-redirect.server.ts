/**
 * Where to send a person after login or an upload, or `fallback` when `to` could leave the site.
 * remix-utils' check accepts `/%09/evil.example`, which browsers follow off-site once the tab is
 * decoded, and `/..//evil.example` normalises to `//evil.example`, which a browser reads as another
 * host. So: no control characters or backslashes (raw or percent-encoded), the resolved origin
 * must be ours, and the normalised path must not start with `//`. Encoded dots and slashes are
 * refused outright. Returns a path (never an absolute URL) so the Location header
 * cannot name another host.
 */
export function safeRedirectPath(to: unknown, appOrigin: string, fallback = "/orders"): string {
  if (typeof to !== "string" || to === "") return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (/%(?:[01][0-9a-f]|7f|5c)/i.test(to)) return fallback;
  // Encoded dots and slashes in the path too: none of our paths has one, and decoders disagree
  // about them. (A query string may carry them.)
  if (/%(?:2e|2f)/i.test(to.split(/[?#]/)[0]!)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, appOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== appOrigin) return fallback;
  // URL parsing resolves `.`/`..` and their %2e spellings; what is left must be one leading slash.
  if (url.pathname.startsWith("//")) return fallback;
  const path = url.pathname + url.search + url.hash;
  // The Location we send is resolved again by the browser: it must land on the same place.
  if (new URL(path, appOrigin).origin !== appOrigin) return fallback;
  return path;
}
