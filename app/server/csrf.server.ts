import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a non-GET request must be refused, or null when it may go on. Runs before Remix for every
 * route, resource routes included: SameSite=Lax alone trusts that no GET mutates, and Remix's own
 * origin check skips requests without `Origin`. Clients without either header (curl, scripts) are
 * not browsers and carry no ambient cookies from another site, so they pass.
 */
export function csrfRejection(
  method: string,
  headers: { origin?: string | undefined; secFetchSite?: string | undefined },
  allowedOrigins: readonly string[],
): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (headers.secFetchSite?.toLowerCase() === "cross-site") {
    return "This request came from another website and was refused. Open ClaimTrail directly and try again.";
  }
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin)) {
    return "This request came from another origin and was refused. Open ClaimTrail directly and try again.";
  }
  return null;
}

export function csrfMiddleware(allowedOrigins: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const reason = csrfRejection(req.method, { origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site") }, allowedOrigins);
    if (reason === null) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send(reason + "\n");
  };
}
