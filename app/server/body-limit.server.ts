/**
 * Every request body passes here before Remix sees a byte of it. The limit depends on who may
 * send it and where; it is checked against the declared Content-Length and then against the
 * bytes as they arrive (chunked, multipart and declared bodies alike), and the request is
 * answered 413 the moment it is exceeded, before anything is parsed.
 *
 * Form and JSON bodies are small, so they are read whole (at most their limit) and checked for
 * syntax here: a cut-off multipart form or broken JSON is a 400 on every route, whether or not
 * the route reads it. Evidence uploads are too large to hold twice, so that one route gets a
 * counting stream instead and its streaming parser reports what it finds.
 */
import { Transform } from "node:stream";
import type { NextFunction, Request, Response } from "express";
import { SESSION_COOKIE_NAME } from "../auth/session-cookie.server.ts";
import { EVIDENCE_LIMITS, MB } from "../evidence/upload-limits.ts";

const KB = 1024;

/** Limits per kind of route; the tests and the error messages read them from here. */
export const BODY_LIMITS = {
  /** Sign-up, log-in and any request without a session cookie: an e-mail and a password fit many times over. */
  anonymous: 64 * KB,
  /** Signed-in forms and JSON, pasted tracking histories included. */
  form: 1 * MB,
  /** One provider push describes one parcel; AfterShip and 17track send a few KB. */
  webhook: 512 * KB,
  /** The evidence upload: the upload's own total plus room for the multipart framing. */
  evidence: EVIDENCE_LIMITS.maxRequestBytes + 1 * MB,
} as const;

/**
 * Past this much body beyond the limit, the connection is cut instead of drained. Browsers (and
 * fetch) often show nothing of an answer that arrives while they are still uploading, so a person
 * who picked too many photos gets the sentence only if the rest of the upload is read (and
 * dropped); elsewhere an honest body is never near its limit.
 */
const MAX_DRAIN_BYTES: Record<BodyKind, number> = { anonymous: 8 * MB, form: 8 * MB, webhook: 8 * MB, evidence: 256 * MB };

export type BodyKind = keyof typeof BODY_LIMITS;

const EVIDENCE_UPLOAD = /^\/orders\/[^/]+\/evidence\/?$/;
const ANONYMOUS_PATHS = new Set(["/login", "/signup"]);

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return (cookieHeader ?? "").split(";").some((pair) => pair.trim().startsWith(`${SESSION_COOKIE_NAME}=`));
}

/** Which limit a request's body gets. A forged cookie only lifts an anonymous visitor to `form`. */
export function bodyKindOf(method: string, requestPath: string, cookieHeader: string | undefined): BodyKind {
  // Remix's single fetch posts to the same route with `.data` added (fetcher forms, JS navigation).
  const path = requestPath.replace(/\.data$/, "");
  if (path.startsWith("/webhooks/")) return "webhook";
  if (ANONYMOUS_PATHS.has(path.replace(/\/$/, "")) || !hasSessionCookie(cookieHeader)) return "anonymous";
  if (method === "POST" && EVIDENCE_UPLOAD.test(path)) return "evidence";
  return "form";
}

function describeLimit(bytes: number): string {
  return bytes >= MB ? `${Math.floor(bytes / MB)} MB` : `${Math.floor(bytes / KB)} KB`;
}

export function tooLargeMessage(kind: BodyKind): string {
  return kind === "evidence"
    ? `This upload is too large: at most ${describeLimit(EVIDENCE_LIMITS.maxRequestBytes)} can be sent at once (${describeLimit(EVIDENCE_LIMITS.maxFileBytes)} a file); send fewer files at once.`
    : `This request is too large; the limit here is ${describeLimit(BODY_LIMITS[kind])}.`;
}

/** Thrown into the evidence route's body stream when it passes its limit. */
export class BodyTooLargeError extends Error {
  readonly status = 413;
  constructor(message: string) {
    super(message);
    this.name = "BodyTooLargeError";
  }
}

export function isBodyTooLarge(error: unknown): error is BodyTooLargeError {
  return error instanceof Error && error.name === "BodyTooLargeError";
}

/** How long a refused client may go on sending before the connection is closed on it. */
const MAX_DRAIN_MS = 30_000;

/**
 * Sends a refusal while the client may still be sending its body. Clients do not take an answer
 * that completes mid-upload well: fetch (undici) resets the connection and reports a network
 * error, browsers may show nothing, and closing a socket with unread bytes resets it, which can
 * beat the answer to the client. So the status line and headers go out at once (a client that
 * watches can stop sending), the rest of the body is read and dropped, never kept, and the
 * answer's text follows when the body ends. A client that sends more than its kind's
 * MAX_DRAIN_BYTES, declares that much, or is still sending after MAX_DRAIN_MS gets the text and
 * the connection closed on it.
 */
export function answerWhileBodyArrives(req: Request, res: Response, status: number, headers: Record<string, string>, body: Buffer): void {
  const head = { ...headers, "Content-Length": String(body.length) };
  if (req.complete || req.destroyed) {
    res.writeHead(status, head).end(body);
    return;
  }
  const allowance = MAX_DRAIN_BYTES[bodyKindOf(req.method, req.path, req.get("cookie"))];
  const declared = Number(req.get("content-length"));
  if (declared > allowance) {
    // It would never be read to its end: answer and close now.
    res.writeHead(status, { ...head, Connection: "close" }).end(body);
    return;
  }
  res.writeHead(status, head);
  res.flushHeaders();
  let dropped = 0;
  let ended = false;
  const end = (cut: boolean) => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    req.off("data", drop);
    if (cut) res.end(body, () => req.socket.destroy());
    else res.end(body);
  };
  const drop = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > allowance) end(true);
  };
  const timer = setTimeout(() => end(true), MAX_DRAIN_MS);
  timer.unref();
  req.on("data", drop);
  req.once("end", () => end(false));
  req.once("error", () => end(true));
  req.resume();
}

function refuse(req: Request, res: Response, status: number, message: string): void {
  answerWhileBodyArrives(req, res, status, { "Content-Type": "text/plain; charset=utf-8" }, Buffer.from(message + "\n"));
}

/** Why a whole body cannot be read as the type it declares, or null when it can (or the type is not ours to check). */
export async function malformedBody(contentType: string, body: Buffer): Promise<string | null> {
  const type = contentType.toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    try {
      // The same parser Remix's request.formData() uses, so what passes here parses there.
      await new globalThis.Response(body as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": contentType } }).formData();
      return null;
    } catch {
      return "This form could not be read: it was cut off or is not a valid form upload (multipart/form-data with its boundary).";
    }
  }
  if (/^application\/([a-z0-9.+-]+\+)?json\b/.test(type)) {
    if (body.length === 0) return "The request body is empty; send JSON.";
    try {
      JSON.parse(body.toString("utf8"));
      return null;
    } catch {
      return "The request body is not valid JSON (it may have been cut off).";
    }
  }
  return null;
}

/** What the body guard hands the Remix handler: the whole body, or a counted stream of it. */
export type GuardedBody = { kind: "buffer"; bytes: Buffer } | { kind: "stream"; stream: NodeJS.ReadableStream };
const BODY = Symbol.for("claimtrail.body");
const CUT = Symbol.for("claimtrail.body-cut");
type WithBody = { [BODY]?: GuardedBody; [CUT]?: boolean };

export function guardedBody(req: Request): GuardedBody | undefined {
  return (req as WithBody)[BODY];
}

/** Whether the evidence stream was cut at its limit while the client was still sending. */
export function bodyWasCut(req: Request): boolean {
  return (req as WithBody)[CUT] === true;
}

const NO_BODY_METHODS = new Set(["GET", "HEAD"]);

export function bodyGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (NO_BODY_METHODS.has(req.method)) return next();
    const kind = bodyKindOf(req.method, req.path, req.get("cookie"));
    const limit = BODY_LIMITS[kind];
    const declared = req.get("content-length");
    if (declared !== undefined && !(Number(declared) <= limit)) {
      return refuse(
        req,
        res,
        Number.isFinite(Number(declared)) ? 413 : 400,
        Number.isFinite(Number(declared)) ? tooLargeMessage(kind) : "The Content-Length header is not a number.",
      );
    }

    if (kind === "evidence") {
      let total = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          total += chunk.length;
          if (total > limit) {
            req.unpipe(counted);
            (req as WithBody)[CUT] = true;
            done(new BodyTooLargeError(tooLargeMessage(kind)));
          } else done(null, chunk);
        },
      });
      req.on("error", (error) => counted.destroy(error));
      req.pipe(counted);
      (req as WithBody)[BODY] = { kind: "stream", stream: counted };
      return next();
    }

    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const onData = (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      if (total > limit) {
        settled = true;
        chunks.length = 0;
        req.off("data", onData);
        refuse(req, res, 413, tooLargeMessage(kind));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("error", () => {
      // The client went away mid-body: there is nobody to answer.
      settled = true;
      chunks.length = 0;
    });
    req.once("end", () => {
      if (settled) return;
      settled = true;
      const bytes = Buffer.concat(chunks);
      chunks.length = 0;
      malformedBody(req.get("content-type") ?? "", bytes).then((problem) => {
        if (problem) return refuse(req, res, 400, problem);
        (req as WithBody)[BODY] = { kind: "buffer", bytes };
        next();
      }, next);
    });
  };
}
