import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { redirectIfSignedIn } from "~/auth/current-user.server.ts";
import { signUp } from "~/auth/login.server.ts";
import { sessionCookieHeader } from "~/auth/session-cookie.server.ts";
import { EmailTakenError } from "~/auth/users.server.ts";
import { getDb } from "~/server/db.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { FormErrors, TextField } from "~/components/text-field.tsx";
import { BrowserTimeZoneField } from "~/components/browser-time-zone-field.tsx";
import { EmailSchema, NewPasswordSchema } from "~/auth/credentials-schema.ts";

export const meta: MetaFunction = () => [{ title: "Sign up — ClaimTrail" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await redirectIfSignedIn(request);
  return null;
}

// The zone comes from the browser (a hidden field filled by script); one that does not exist is dropped, never an error.
const SignupSchema = z.object({ email: EmailSchema, password: NewPasswordSchema, timeZone: z.string().max(64).optional() });

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignupSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  try {
    const { sessionId } = await signUp(getDb(), {
      ...submission.value,
      userAgent: request.headers.get("User-Agent"),
      now: new Date(),
    });
    return redirect("/orders", { headers: { "Set-Cookie": await sessionCookieHeader(sessionId) } });
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    return data(
      submission.reply({
        fieldErrors: { email: ["An account with this e-mail already exists. Log in instead, or use another address."] },
        hideFields: ["password"],
      }),
      { status: 400 },
    );
  }
}

export default function Signup() {
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
  });
  return (
    <section className="panel narrow">
      <h1>Create your account</h1>
      <p>Keep your orders, tracking and deadlines in one place. Only you can see them.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <BrowserTimeZoneField />
        <TextField label="E-mail" meta={fields.email} type="email" autoComplete="email" />
        <TextField
          label="Password"
          meta={fields.password}
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A few unrelated words make a strong, memorable password."
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating your account…" : "Sign up"}
        </button>
      </Form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
