import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { changePassword, confirmPassword } from "~/auth/account.server.ts";
import { CurrentPasswordSchema, NewPasswordSchema } from "~/auth/credentials-schema.ts";
import { requireUser } from "~/auth/current-user.server.ts";
import { clearedSessionCookieHeader } from "~/auth/session-cookie.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { FormErrors, TextField } from "~/components/text-field.tsx";
import { InputField, SelectField, TextAreaField } from "~/components/form-fields.tsx";
import { countryOptions } from "~/profile/country-options.ts";
import { LETTER_LANGUAGES, ProfileSchema } from "~/profile/profile-schema.ts";
import { timeZoneOptions } from "~/profile/time-zones.ts";
import { loadProfile, saveProfile } from "../../db/queries/profile.server.ts";
import { getDb } from "~/server/db.server.ts";
import { deleteUser } from "../../db/queries/export.server.ts";

export const meta: MetaFunction = () => [{ title: "Account — ClaimTrail" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const profile = await loadProfile(getDb(), user.id);
  if (!profile) throw data("Your account could not be found.", { status: 404 });
  return { email: user.email, profile, timeZones: timeZoneOptions(profile.timeZone), countries: countryOptions() };
}

const PasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: CurrentPasswordSchema,
    newPassword: NewPasswordSchema,
    confirmPassword: z.string({ required_error: "Type the new password again." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  });

const DeleteSchema = z.object({
  intent: z.literal("delete"),
  password: CurrentPasswordSchema,
  confirm: z.literal("on", { errorMap: () => ({ message: "Tick the box to confirm that everything will be deleted." }) }),
});

const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword", "password"];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const db = getDb();

  if (formData.get("intent") === "profile") {
    const submission = parseWithZod(formData, { schema: ProfileSchema });
    if (submission.status !== "success") {
      return data({ intent: "profile" as const, result: submission.reply() }, { status: 400 });
    }
    const { intent: _intent, ...profile } = submission.value;
    await saveProfile(db, user.id, profile, new Date());
    return {
      intent: "profile" as const,
      result: submission.reply(),
      message: "Your details are saved. Letters and the evidence packet now use them.",
    };
  }

  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: DeleteSchema });
    if (submission.status !== "success") {
      return data({ intent: "delete" as const, result: submission.reply({ hideFields: PASSWORD_FIELDS }) }, { status: 400 });
    }
    if (!(await confirmPassword(db, user.id, submission.value.password))) {
      return data(
        {
          intent: "delete" as const,
          result: submission.reply({ fieldErrors: { password: ["That is not your current password."] }, hideFields: PASSWORD_FIELDS }),
        },
        { status: 400 },
      );
    }
    await deleteUser(db, user.id);
    return redirect("/?deleted=1", { headers: { "Set-Cookie": await clearedSessionCookieHeader() } });
  }

  const submission = parseWithZod(formData, { schema: PasswordSchema });
  if (submission.status !== "success") {
    return data({ intent: "password" as const, result: submission.reply({ hideFields: PASSWORD_FIELDS }) }, { status: 400 });
  }
  const change = await changePassword(db, {
    userId: user.id,
    sessionId: user.sessionId,
    currentPassword: submission.value.currentPassword,
    newPassword: submission.value.newPassword,
    now: new Date(),
  });
  if (!change.ok) {
    return data(
      {
        intent: "password" as const,
        result: submission.reply({ fieldErrors: { currentPassword: ["That is not your current password."] }, hideFields: PASSWORD_FIELDS }),
      },
      { status: 400 },
    );
  }
  const others = change.signedOutSessions;
  return {
    intent: "password" as const,
    result: submission.reply({ resetForm: true }),
    message: `Your password has been changed.${others > 0 ? ` ${others} other session${others === 1 ? " was" : "s were"} signed out.` : ""}`,
  };
}

export default function Account() {
  const { email, profile, timeZones, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    shouldValidate: "onBlur",
    defaultValue: {
      fullName: profile.fullName ?? "",
      postalAddress: profile.postalAddress ?? "",
      country: profile.country ?? "",
      phone: profile.phone ?? "",
      language: profile.language ?? "",
      timeZone: profile.timeZone,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  });
  const [passwordForm, passwordFields] = useForm({
    id: "change-password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
  });
  const [deleteForm, deleteFields] = useForm({
    id: "delete-account",
    lastResult: actionData?.intent === "delete" ? actionData.result : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeleteSchema }),
  });
  const message = actionData?.intent === "password" && "message" in actionData ? actionData.message : null;
  const profileMessage = actionData?.intent === "profile" && "message" in actionData ? actionData.message : null;

  return (
    <section className="stack">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{email}</strong>.
      </p>

      <div className="panel" id="profile">
        <h2>Your details for letters and the evidence packet</h2>
        <p className="muted">
          Letters and the packet are signed with these details. Leave a field empty and the sentence that needs it is left out; nothing is ever filled
          in with a placeholder. Your e-mail is your account's: {email}.
        </p>
        {profileMessage ? (
          <p className="notice" role="status">
            {profileMessage}
          </p>
        ) : null}
        <Form method="post" {...getFormProps(profileForm)}>
          <input type="hidden" name="intent" value="profile" />
          <FormErrors id={profileForm.errorId} errors={profileForm.errors} />
          <InputField label="Full name" meta={profileFields.fullName} autoComplete="name" />
          <TextAreaField
            label="Postal address"
            meta={profileFields.postalAddress}
            rows={3}
            hint="As it goes on an envelope: street, postcode and town, one per line."
          />
          <SelectField label="Country" meta={profileFields.country} options={countries} placeholder="Not given" />
          <InputField
            label="Phone (optional)"
            meta={profileFields.phone}
            autoComplete="tel"
            hint="Only put in letters to the carrier, who may call to arrange delivery."
          />
          <SelectField
            label="Preferred language for letters"
            meta={profileFields.language}
            options={LETTER_LANGUAGES}
            placeholder="Not given (English)"
          />
          <SelectField
            label="Time zone"
            meta={profileFields.timeZone}
            options={timeZones.map((z) => ({ value: z, label: z }))}
            placeholder="Choose…"
            hint="Dates and times in your documents and reminders are shown in this zone."
          />
          <button type="submit" className="button">
            Save my details
          </button>
        </Form>
      </div>

      <div className="panel">
        <h2>Change password</h2>
        {message ? (
          <p className="notice" role="status">
            {message}
          </p>
        ) : null}
        <Form method="post" {...getFormProps(passwordForm)}>
          <input type="hidden" name="intent" value="password" />
          <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
          <TextField label="Current password" meta={passwordFields.currentPassword} type="password" autoComplete="current-password" />
          <TextField
            label="New password"
            meta={passwordFields.newPassword}
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters. Changing it signs you out everywhere else."
          />
          <TextField label="New password again" meta={passwordFields.confirmPassword} type="password" autoComplete="new-password" />
          <button type="submit" className="button">
            Change password
          </button>
        </Form>
      </div>

      <div className="panel">
        <h2>Download your data</h2>
        <p>Everything ClaimTrail stores about you — your account, orders, tracking and reports — as one JSON file.</p>
        <Form method="post" action="/account/export" reloadDocument>
          <button type="submit" className="button button-secondary">
            Download my data (JSON)
          </button>
        </Form>
      </div>

      <div className="panel danger-zone">
        <h2>Delete your account</h2>
        <p>This deletes your account and every order, tracking event and report in it, at once and for good.</p>
        <Form method="post" {...getFormProps(deleteForm)}>
          <input type="hidden" name="intent" value="delete" />
          <FormErrors id={deleteForm.errorId} errors={deleteForm.errors} />
          <TextField label="Your password" meta={deleteFields.password} type="password" autoComplete="current-password" />
          <div className="field checkbox-field">
            <input {...getInputProps(deleteFields.confirm, { type: "checkbox", value: "on" })} />
            <label htmlFor={deleteFields.confirm.id}>I understand that everything will be deleted and cannot be recovered.</label>
            {deleteFields.confirm.errors ? (
              <ul className="field-errors" id={deleteFields.confirm.errorId}>
                {deleteFields.confirm.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="submit" className="button button-danger">
            Delete my account
          </button>
        </Form>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
