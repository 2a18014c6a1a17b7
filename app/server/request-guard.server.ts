/**
 * The one place where an action's request body becomes form data or JSON. Every route action gets
 * a request whose formData() and json() answer a body of the wrong type with 415 and a body that
 * cannot be parsed with 400 (thrown Responses, which Remix shows as the error page or returns
 * as-is from resource routes) instead of a TypeError and a 500, and that strip NUL characters,
 * which no field of ours means and which SQLite and the PDF would keep.
 */
import type { ServerBuild } from "@remix-run/node";

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

function problem(status: 400 | 415, message: string): Response {
  return new Response(message + "\n", { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;

export function stripNul<T>(value: T): T {
  if (typeof value === "string") return value.replace(NUL, "") as T;
  if (Array.isArray(value)) return value.map(stripNul) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(NUL, ""), stripNul(v)])) as T;
  }
  return value;
}

async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  const bytes = await request.arrayBuffer();
  if (!FORM_TYPES.test(type)) {
    // A bodiless POST (a button with no fields sent by a script) is an empty form, not a mistake.
    if (bytes.byteLength === 0 && type === "") return new FormData();
    throw problem(
      415,
      `This address takes a form (application/x-www-form-urlencoded or multipart/form-data), not ${type ? type.split(";")[0] : "a body without a content type"}.`,
    );
  }
  let parsed: FormData;
  try {
    parsed = await new Response(bytes, { headers: { "Content-Type": type } }).formData();
  } catch {
    throw problem(400, "This form could not be read: it was cut off or is not a valid form.");
  }
  const clean = new FormData();
  for (const [name, value] of parsed.entries()) {
    if (typeof value === "string") clean.append(stripNul(name), stripNul(value));
    else clean.append(stripNul(name), value, stripNul(value.name));
  }
  return clean;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return stripNul(JSON.parse(text) as unknown);
  } catch {
    throw problem(400, "The request body is not valid JSON (it may have been cut off).");
  }
}

/** The request as actions see it: the same object, with formData() and json() guarded. */
export function guardRequest(request: Request): Request {
  return new Proxy(request, {
    get(target, property) {
      if (property === "formData") return () => readForm(target);
      if (property === "json") return () => readJson(target);
      const value: unknown = Reflect.get(target, property, target);
      // Request's methods check their receiver: call them on the real request, not the proxy.
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The build with every route action receiving a guarded request. */
export function guardBuild(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    routes[id] = action
      ? {
          ...route,
          module: { ...route.module, action: (args: Parameters<typeof action>[0]) => action({ ...args, request: guardRequest(args.request) }) },
        }
      : route;
  }
  return { ...build, routes };
}
