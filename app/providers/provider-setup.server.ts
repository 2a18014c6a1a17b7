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

const KEY = Symbol.for("claimtrail.provider-setup");
type Holder = { [KEY]?: Map<string, ProviderSetup> };

/** Throws a one-line configuration error for a malformed provider setting. */
export function providerSetup(env: Record<string, string | undefined> = process.env): ProviderSetup {
  const settings = readProviderEnv(env);
  const cacheKey = JSON.stringify(settings);
  const holder = globalThis as Holder;
  const cache = (holder[KEY] ??= new Map());
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const providers = configuredProviders(settings);
  const buckets = new Map<ProviderId, TokenBucket>();
  for (const id of providers.keys()) buckets.set(id, new TokenBucket(PROVIDER_LIMITS[id].perSecond));
  const setup = { providers, buckets };
  cache.set(cacheKey, setup);
  return setup;
}
