import type { ProviderId } from "../carriers/providers/provider.ts";

/** The names a person recognises. */
export const PROVIDER_NAMES: Readonly<Record<ProviderId, string>> = { "17track": "17TRACK", aftership: "AfterShip" };
