import type { AppLoadContext } from "@remix-run/node";
import type { Request } from "express";

/** What the Express layer hands every loader and action. */
export interface ClaimTrailLoadContext {
  /** The client's address as Express sees it: the socket peer unless TRUST_PROXY says otherwise. */
  clientIp: string;
}

declare module "@remix-run/server-runtime" {
  // Declaration merging needs an interface, even one that only names its supertype.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends ClaimTrailLoadContext {}
}

export function getLoadContext(req: Request): AppLoadContext {
  return { clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" };
}
