/**
 * Webhook addresses come from users, and the server POSTs to them: without a check, anyone could
 * make the server call its own admin ports or the cloud metadata service (SSRF). Loopback,
 * link-local, unspecified and multicast addresses are refused; private networks (a home
 * automation box on the LAN) only when the operator allows them. Known gap: the address is
 * resolved here and again by fetch, so a DNS answer that changes in between is not caught.
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const ALWAYS_BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  ALWAYS_BLOCKED.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  ALWAYS_BLOCKED.addSubnet(net, prefix, "ipv6");

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["100.64.0.0", 10],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
PRIVATE.addSubnet("fc00::", 7, "ipv6");

function blocked(address: string, allowPrivate: boolean): boolean {
  const family = isIP(address) === 6 ? "ipv6" : "ipv4";
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked(mapped, allowPrivate);
  if (ALWAYS_BLOCKED.check(address, family)) return true;
  return !allowPrivate && PRIVATE.check(address, family);
}

/** Null when the address may be called, else the reason in words for the person. */
export async function webhookTargetProblem(url: string, options: { allowPrivate: boolean; allowLoopback?: boolean }): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return "the webhook address is not a URL";
  }
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return null; // unresolvable now: the send fails as "unreachable" and is retried
  }
  if (options.allowLoopback) return null;
  return addresses.some((a) => blocked(a, options.allowPrivate))
    ? "the webhook address points into a private or local network, which this server does not call"
    : null;
}
