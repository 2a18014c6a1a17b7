import type { NextFunction, Request, Response } from "express";

/**
 * Remix reads a form or JSON body whole into memory; a declared size above the limit is refused
 * before any of it is read. Multipart uploads are left to the upload handler, which counts files
 * and bytes as they stream.
 */
export function bodyLimit(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const type = (req.get("content-type") ?? "").toLowerCase();
    const length = Number(req.get("content-length") ?? 0);
    if (type.startsWith("multipart/form-data") || !(length > maxBytes)) return next();
    res
      .status(413)
      .type("text/plain; charset=utf-8")
      .send(`This request is too large (${Math.ceil(length / 1024)} KB); the limit is ${Math.floor(maxBytes / 1024)} KB.\n`);
  };
}
