/**
 * The providers this process may use, with one rate-limit bucket each. The server entry and the
 * Remix bundle load separate copies of this module, so the buckets live on globalThis: both copies
 * must draw from the same allowance.
 */
import { configuredProviders, readProviderEnv } from "../carriers/providers/configured-providers.server.ts";
import type { ProviderId, TrackingProvider } from "../carriers/providers/provider.ts";
import { PROVIDER_LIMITS } from "./provider-limits.ts";
import { TokenBucket } from "./token-bucket.ts";

export interface ProviderSetup {
  providers: Map<ProviderId, TrackingProvider>;
  buckets: Map<ProviderId, TokenBucket>;
}

// Buckets are shared through globalThis; providers are not, because each copy of the code must
// see its own ProviderError class for `instanceof` to hold.
const KEY = Symbol.for("claimtrail.provider-buckets");
type Holder = { [KEY]?: Map<string, TokenBucket> };
const setups = new Map<string, ProviderSetup>();

/** Throws a one-line configuration error for a malformed provider setting. */
export function providerSetup(env: Record<string, string | undefined> = process.env): ProviderSetup {
  const settings = readProviderEnv(env);
  const cacheKey = JSON.stringify(settings);
  const cached = setups.get(cacheKey);
  if (cached) return cached;
  const shared = ((globalThis as Holder)[KEY] ??= new Map());
  const providers = configuredProviders(settings);
  const buckets = new Map<ProviderId, TokenBucket>();
  for (const id of providers.keys()) {
    const bucketKey = `${id}:${cacheKey}`;
    if (!shared.has(bucketKey)) shared.set(bucketKey, new TokenBucket(PROVIDER_LIMITS[id].perSecond));
    buckets.set(id, shared.get(bucketKey)!);
  }
  const setup = { providers, buckets };
  setups.set(cacheKey, setup);
  return setup;
}
