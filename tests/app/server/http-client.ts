/**
 * A minimal browser stand-in for integration tests: keeps one session cookie, sends same-origin
 * headers on writes like a real browser does, and never follows redirects (tests assert them).
 */
export const PASSWORD = "correct horse battery staple";

export class Client {
  cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request(
    path: string,
    init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const method = init.method ?? (init.form || init.json !== undefined ? "POST" : "GET");
    const headers: Record<string, string> = {};
    if (method !== "GET" && method !== "HEAD") {
      headers.Origin = this.baseUrl;
      headers["Sec-Fetch-Site"] = "same-origin";
    }
    let body: string | undefined;
    if (init.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    if (this.cookie) headers.Cookie = this.cookie;
    Object.assign(headers, init.headers);
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: "manual" });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const pair = setCookie.split(";")[0]!;
      this.cookie = /max-age=0/i.test(setCookie) || pair.endsWith("=") ? null : pair;
    }
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  post(path: string, form: Record<string, string>) {
    return this.request(path, { form });
  }

  signUp(email: string, password = PASSWORD) {
    return this.post("/signup", { email, password });
  }

  logIn(email: string, password = PASSWORD) {
    return this.post("/login", { email, password });
  }
}

let counter = 0;
/** A unique address per call, so tests sharing a server never collide. */
export function uniqueEmail(label = "user"): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}@example.com`;
}

/** A signed-up, signed-in client. */
export async function signedUpClient(baseUrl: string, label?: string): Promise<{ client: Client; email: string }> {
  const client = new Client(baseUrl);
  const email = uniqueEmail(label);
  const res = await client.signUp(email);
  if (res.status !== 302 || !client.cookie) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return { client, email };
}
