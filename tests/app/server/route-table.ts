/**
 * The app's routes as the tests see them, read from the built server bundle (the route table Remix
 * itself serves) and from app/routes, so a route added without its tests makes those tests fail.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./server-process.ts";

interface BuiltRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: { action?: unknown; loader?: unknown; default?: unknown };
}

/** URL patterns (e.g. `/orders/:id/events`) of every route that exports an action. */
export async function mutatingRoutePatterns(): Promise<string[]> {
  const build = (await import(pathToFileURL(join(ROOT, "build/server/index.js")).href)) as { routes: Record<string, BuiltRoute> };
  const routes = build.routes;
  const fullPath = (route: BuiltRoute): string => {
    const own = route.path ?? "";
    const parent = route.parentId ? routes[route.parentId] : undefined;
    const base = parent ? fullPath(parent) : "";
    return [base, own].filter(Boolean).join("/").replace(/\/+/g, "/");
  };
  return Object.values(routes)
    .filter((r) => typeof r.module.action === "function")
    .map((r) => "/" + fullPath(r).replace(/^\//, ""))
    .sort();
}

/** Route module names under app/routes that take a parameter other than the catch-all splat. */
export function parameterRouteFiles(): string[] {
  return (
    readdirSync(join(ROOT, "app/routes"))
      .map((name) => name.replace(/\.(tsx?|jsx?)$/, ""))
      // `$id`, `$id_` and optional `($id)` segments; the bare `$` splat is the 404 page, not an id.
      .filter((name) => name.split(".").some((segment) => /^\(?\$[A-Za-z]/.test(segment)))
      .sort()
  );
}
