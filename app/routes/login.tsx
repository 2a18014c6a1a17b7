import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { CurrentPasswordSchema, EmailSchema } from "~/auth/credentials-schema.ts";
import { redirectIfSignedIn } from "~/auth/current-user.server.ts";
import { attemptLogin, INVALID_LOGIN_MESSAGE, rateLimitedMessage } from "~/auth/login.server.ts";
import { sessionCookieHeader } from "~/auth/session-cookie.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { FormErrors, TextField } from "~/components/text-field.tsx";
import { getConfig } from "~/server/config.server.ts";
import { getDb } from "~/server/db.server.ts";
import { safeRedirectPath } from "~/server/safe-redirect.server.ts";

export const meta: MetaFunction = () => [{ title: "Log in — ClaimTrail" }];

// Document responses take their headers from here, not from the action's data(): pass Retry-After on.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  await redirectIfSignedIn(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  return { redirectTo: safeRedirectPath(redirectTo, getConfig().appUrl, "") };
}

const LoginSchema = z.object({
  email: EmailSchema,
  password: CurrentPasswordSchema,
  redirectTo: z.string().max(2000).optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { email, password, redirectTo } = submission.value;
  const result = await attemptLogin(getDb(), {
    email,
    password,
    clientIp: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
    now: new Date(),
  });
  if (result.ok) {
    return redirect(safeRedirectPath(redirectTo, getConfig().appUrl), {
      headers: { "Set-Cookie": await sessionCookieHeader(result.sessionId) },
    });
  }
  if (result.reason === "rate_limited") {
    return data(submission.reply({ formErrors: [rateLimitedMessage(result.retryAfterSeconds)], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  return data(submission.reply({ formErrors: [INVALID_LOGIN_MESSAGE], hideFields: ["password"] }), { status: 401 });
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { redirectTo },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <section className="panel narrow">
      <h1>Log in</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} />
        <TextField label="E-mail" meta={fields.email} type="email" autoComplete="email" />
        <TextField label="Password" meta={fields.password} type="password" autoComplete="current-password" />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </Form>
      <p>
        New to ClaimTrail? <Link to="/signup">Create an account</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
