/**
 * A hostile client for integration tests: sends a body as written (cut off, chunked, or declaring
 * a length it never sends) over node:http on a connection of its own, and stops sending once the
 * server's answer is complete, so a test never pushes more over loopback than the server chose
 * to take.
 */
import { request as httpRequest } from "node:http";

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Body bytes written in all. */
  sent: number;
  /** Body bytes written when the status line arrived. */
  sentAtAnswer: number;
}

export interface RawOptions {
  method?: string;
  headers?: Record<string, string>;
  /** The body (or its start, when `streamBytes` follows), sent at once. */
  body?: Buffer | string;
  /** Then `streamBytes` bytes of `fill` in 64 KB chunks (chunked unless a Content-Length header is given). */
  streamBytes?: number;
  fill?: Buffer;
}

const CHUNK = 64 * 1024;

export function rawRequest(baseUrl: string, path: string, options: RawOptions = {}): Promise<RawAnswer> {
  const url = new URL(path, baseUrl);
  return new Promise<RawAnswer>((resolve, reject) => {
    let answered = false;
    let finished = false;
    let sent = 0;
    let sentAtAnswer = 0;
    // A connection of its own: a body left half-sent must not swallow the next request.
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: options.method ?? "POST",
      headers: options.headers,
      agent: false,
    });
    req.on("response", (res) => {
      answered = true;
      sentAtAnswer = sent;
      const chunks: Buffer[] = [];
      const done = () => {
        finished = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), sent, sentAtAnswer });
        req.destroy();
      };
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", done);
      res.on("error", done);
    });
    req.on("error", (error) => {
      // A connection closed after the answer arrived is the server ending an over-long upload.
      if (!answered) reject(new Error(`no answer from ${options.method ?? "POST"} ${path}: ${error.message}`));
    });
    void (async () => {
      if (options.body !== undefined) {
        const bytes = Buffer.from(options.body);
        req.write(bytes);
        sent += bytes.length;
      }
      if (options.streamBytes) {
        const fill = options.fill ?? Buffer.alloc(CHUNK, 0x61);
        const piece =
          fill.length >= CHUNK ? fill.subarray(0, CHUNK) : Buffer.concat(Array(Math.ceil(CHUNK / fill.length)).fill(fill)).subarray(0, CHUNK);
        let streamed = 0;
        while (streamed < options.streamBytes && !finished && !req.destroyed) {
          const part = piece.subarray(0, Math.min(piece.length, options.streamBytes - streamed));
          streamed += part.length;
          sent += part.length;
          if (!req.write(part)) {
            await new Promise<void>((r) => {
              const go = () => {
                req.off("drain", go);
                req.off("close", go);
                r();
              };
              req.once("drain", go);
              req.once("close", go);
            });
          }
        }
      }
      if (!finished && !req.destroyed) req.end();
    })();
  });
}
