/**
 * @remix-run/express's handler, with two changes: the Request's body is the one the body guard
 * counted (never the raw socket), and every action gets a guarded request (request-guard). Also
 * marks personal answers `Cache-Control: no-store`: a shared or back-button cache must not keep
 * someone's orders, and a calendar feed's token is a key.
 */
import {
  createReadableStreamFromReadable,
  createRequestHandler as createRemixRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { answerWhileBodyArrives, bodyWasCut, guardedBody, hasSessionCookie } from "./body-limit.server.ts";
import { guardBuild } from "./request-guard.server.ts";

type BuildSource = ServerBuild | (() => Promise<ServerBuild>);

function guarded(build: BuildSource): BuildSource {
  if (typeof build !== "function") return guardBuild(build);
  const seen = new WeakMap<ServerBuild, ServerBuild>();
  return async () => {
    const loaded = await build();
    let wrapped = seen.get(loaded);
    if (!wrapped) seen.set(loaded, (wrapped = guardBuild(loaded)));
    return wrapped;
  };
}

// @remix-run/express exports only its handler, so its two small helpers are restated here.
function remixHeaders(requestHeaders: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  return headers;
}

async function sendRemixResponse(req: ExpressRequest, res: ExpressResponse, response: Response): Promise<void> {
  if (bodyWasCut(req)) {
    // The upload was cut at its limit and the client may still be sending: a short refusal, sent
    // so that the client reads it before the connection closes.
    const headers: Record<string, string> = {};
    for (const [key, value] of response.headers.entries()) if (key !== "set-cookie") headers[key] = value;
    answerWhileBodyArrives(req, res, response.status, headers, Buffer.from(await response.arrayBuffer()));
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // Like @remix-run/express: the port from X-Forwarded-Host or Host; req.hostname respects `trust proxy`.
  const portOf = (header: string | undefined) => Number.parseInt(header?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: remixHeaders(req.headers), signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = guardedBody(req);
    if (!body) throw new Error("the body guard did not run before the Remix handler");
    if (body.kind === "buffer")
      init.body = body.bytes as Uint8Array<ArrayBuffer>; // Buffer.concat: never a SharedArrayBuffer
    else {
      init.body = createReadableStreamFromReadable(body.stream as import("node:stream").Readable);
      init.duplex = "half";
    }
  }
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

function isPersonal(req: ExpressRequest, response: Response): boolean {
  return hasSessionCookie(req.get("cookie")) || response.headers.has("Set-Cookie") || req.path.startsWith("/calendar/");
}

export function createRequestHandler(options: { build: BuildSource; mode: string; getLoadContext: (req: ExpressRequest) => AppLoadContext }) {
  const handle = createRemixRequestHandler(guarded(options.build), options.mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = remixRequest(req, res);
      let response = await handle(request, options.getLoadContext(req));
      if (isPersonal(req, response)) {
        const headers = new Headers(response.headers);
        headers.set("Cache-Control", "no-store");
        response = new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }
      await sendRemixResponse(req, res, response);
    } catch (error) {
      next(error);
    }
  };
}
