import { ProviderError, type ProviderId } from "./provider.ts";

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface HttpClientOptions {
  provider: ProviderId;
  providerName: string;
  baseUrl: string;
  headers: Record<string, string>;
  /** Per request; a provider that hangs must not hold a refresh forever. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => Date;
}

/** Reads Retry-After (seconds or an HTTP date) into an absolute time. */
export function retryAtFromHeaders(headers: Headers, now: Date, fallbackSeconds: number): string {
  const value = headers.get("retry-after");
  if (value) {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return new Date(now.getTime() + seconds * 1000).toISOString();
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return new Date(date).toISOString();
  }
  return new Date(now.getTime() + fallbackSeconds * 1000).toISOString();
}

/**
 * The one small HTTP client every provider adapter goes through: JSON in and out, a time limit,
 * and transport failures turned into ProviderErrors a person can read.
 */
export function createHttpClient(options: HttpClientOptions) {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? (() => new Date());
  const name = options.providerName;

  return async function requestJson(method: "GET" | "POST", path: string, body?: unknown): Promise<JsonResponse> {
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, options.baseUrl), {
        method,
        headers: { accept: "application/json", "content-type": "application/json", ...options.headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
      throw new ProviderError(
        options.provider,
        timedOut ? "timeout" : "unavailable",
        timedOut
          ? `${name} did not answer within ${Math.round(timeoutMs / 1000)} seconds`
          : `${name} could not be reached (${(error as Error).message})`,
        new Date(now().getTime() + 5 * 60_000).toISOString(),
      );
    }
    const text = await response.text();
    if (response.status === 401 || response.status === 403) {
      throw new ProviderError(
        options.provider,
        "auth",
        `${name} refused the API key (HTTP ${response.status}); check the key in the server's settings`,
      );
    }
    if (response.status === 429) {
      const retryAt = retryAtFromHeaders(response.headers, now(), 60);
      throw new ProviderError(options.provider, "rate_limited", `${name} rate limit reached; next try at ${retryAt.slice(11, 16)} UTC`, retryAt);
    }
    if (response.status >= 500) {
      throw new ProviderError(
        options.provider,
        "unavailable",
        `${name} had a server error (HTTP ${response.status}); it will be tried again later`,
        new Date(now().getTime() + 10 * 60_000).toISOString(),
      );
    }
    let parsed: unknown;
    try {
      parsed = text === "" ? null : JSON.parse(text);
    } catch {
      throw new ProviderError(options.provider, "malformed", `${name} answered with something that is not JSON (HTTP ${response.status})`);
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
}

export type RequestJson = ReturnType<typeof createHttpClient>;
