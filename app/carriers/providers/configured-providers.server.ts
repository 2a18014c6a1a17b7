/**
 * Which providers this server may use, from the environment. With no key set the app works from
 * pasted data alone and says how to connect a provider.
 */
import { z } from "zod";
import { createAfterShipProvider } from "./aftership.ts";
import type { ProviderId, TrackingProvider } from "./provider.ts";
import { createSeventeenTrackProvider } from "./seventeen-track.ts";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const ProviderEnvSchema = z.object({
  SEVENTEENTRACK_API_KEY: optional,
  SEVENTEENTRACK_API_URL: optional.pipe(z.string().url("must be a URL such as https://api.17track.net/track/v2.2/").optional()),
  SEVENTEENTRACK_WEBHOOK_KEY: optional,
  AFTERSHIP_API_KEY: optional,
  AFTERSHIP_API_URL: optional.pipe(z.string().url("must be a URL such as https://api.aftership.com/tracking/2024-04/").optional()),
  AFTERSHIP_WEBHOOK_SECRET: optional,
});

export type ProviderEnv = z.infer<typeof ProviderEnvSchema>;

/** Reads the provider settings; a malformed one is a configuration error in one line. */
export function readProviderEnv(env: Record<string, string | undefined>): ProviderEnv {
  const parsed = ProviderEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/** URLs end with a slash so that relative paths ("register", "trackings") join under them. */
const withSlash = (url: string | undefined) => (url && !url.endsWith("/") ? `${url}/` : url);

export function configuredProviders(env: ProviderEnv): Map<ProviderId, TrackingProvider> {
  const providers = new Map<ProviderId, TrackingProvider>();
  if (env.SEVENTEENTRACK_API_KEY) {
    providers.set(
      "17track",
      createSeventeenTrackProvider({
        apiKey: env.SEVENTEENTRACK_API_KEY,
        webhookKey: env.SEVENTEENTRACK_WEBHOOK_KEY,
        baseUrl: withSlash(env.SEVENTEENTRACK_API_URL),
      }),
    );
  }
  if (env.AFTERSHIP_API_KEY) {
    providers.set(
      "aftership",
      createAfterShipProvider({
        apiKey: env.AFTERSHIP_API_KEY,
        webhookSecret: env.AFTERSHIP_WEBHOOK_SECRET,
        baseUrl: withSlash(env.AFTERSHIP_API_URL),
      }),
    );
  }
  return providers;
}
