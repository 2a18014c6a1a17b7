import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { FormErrors, TextField } from "~/components/text-field.tsx";
import { calendarFeedUrl, regenerateCalendarFeed } from "~/reminders/calendar-feed.server.ts";
import { ReminderSettingsSchema } from "~/reminders/preferences-schema.ts";
import { loadReminderSettings, saveReminderSettings } from "~/reminders/settings.server.ts";
import { messageDomainOf } from "~/reminders/sweep-config.server.ts";
import { getConfig } from "~/server/config.server.ts";
import { getDb } from "~/server/db.server.ts";
import { revokeCalendarFeeds } from "../../db/queries/reminders.server.ts";

export const meta: MetaFunction = () => [{ title: "Reminders — ClaimTrail" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadReminderSettings(getDb(), user.id);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const db = getDb();
  const { appUrl } = getConfig();
  const intent = formData.get("intent");

  if (intent === "feed-regenerate") {
    const token = await regenerateCalendarFeed(db, user.id, new Date());
    return {
      intent: "feed" as const,
      feedUrl: calendarFeedUrl(appUrl, token),
      message: "Your new calendar address is below. Any older address stopped working.",
    };
  }
  if (intent === "feed-revoke") {
    await revokeCalendarFeeds(db, user.id, new Date());
    return { intent: "feed" as const, feedUrl: null, message: "Your calendar address no longer works. Calendars subscribed to it stop updating." };
  }

  const submission = parseWithZod(formData, { schema: ReminderSettingsSchema });
  if (submission.status !== "success") {
    return data({ intent: "save" as const, result: submission.reply() }, { status: 400 });
  }
  const replanned = await saveReminderSettings(db, {
    userId: user.id,
    settings: submission.value,
    now: new Date(),
    messageDomain: messageDomainOf(appUrl),
  });
  return {
    intent: "save" as const,
    result: submission.reply(),
    message: `Saved. Reminders for ${replanned.orders} order${replanned.orders === 1 ? "" : "s"} follow your new settings.`,
  };
}

const CHANNEL_LABELS = { app: "In the app", email: "By e-mail", webhook: "Webhook (ntfy, chat, home automation)" } as const;

export default function ReminderSettings() {
  const settings = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reminder-settings",
    lastResult: actionData?.intent === "save" ? actionData.result : undefined,
    defaultValue: settings,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReminderSettingsSchema }),
  });
  const saved = actionData?.intent === "save" && "message" in actionData ? actionData.message : null;
  const feed = actionData?.intent === "feed" ? actionData : null;
  const channelErrors = fields.channels.errors ?? [];

  return (
    <section className="stack">
      <h1>Reminders</h1>
      <div className="panel">
        <h2>When and where</h2>
        {saved ? (
          <p className="notice" role="status">
            {saved}
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="save" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <fieldset className="field">
            <legend>Send reminders</legend>
            {(Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[]).map((channel) => (
              <div className="checkbox-field" key={channel}>
                <input
                  type="checkbox"
                  id={`channel-${channel}`}
                  name={fields.channels.name}
                  value={channel}
                  defaultChecked={settings.channels.includes(channel)}
                />
                <label htmlFor={`channel-${channel}`}>{CHANNEL_LABELS[channel]}</label>
              </div>
            ))}
            {channelErrors.length > 0 ? (
              <ul className="field-errors" id={fields.channels.errorId}>
                {channelErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
          </fieldset>
          <TextField label="Days before each deadline" meta={fields.leadDays} hint="Whole days, separated by commas. The default is 7, 3, 1." />
          <TextField label="Time of day" meta={fields.sendTime} hint="HH:MM in your time zone, e.g. 09:00." />
          <TextField label="Time zone" meta={fields.timeZone} hint="e.g. Europe/Paris or America/New_York." />
          <TextField
            label="Quiet hours start"
            meta={fields.quietStart}
            hint="Optional, HH:MM. Nothing is sent between start and end; it waits until the end."
          />
          <TextField label="Quiet hours end" meta={fields.quietEnd} />
          <TextField label="E-mail address for reminders" meta={fields.email} type="email" autoComplete="email" />
          <TextField
            label="Webhook address"
            meta={fields.webhookUrl}
            hint="We POST JSON there, signed in the X-ClaimTrail-Signature header (HMAC-SHA256 of timestamp.body)."
          />
          <div className="field">
            <label htmlFor={fields.webhookSecret.id}>Webhook secret</label>
            <input {...getInputProps(fields.webhookSecret, { type: "text" })} autoComplete="off" spellCheck={false} />
            {fields.webhookSecret.errors ? (
              <ul className="field-errors" id={fields.webhookSecret.errorId}>
                {fields.webhookSecret.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="submit" className="button">
            Save reminder settings
          </button>
        </Form>
      </div>

      <div className="panel">
        <h2>Calendar</h2>
        <p>
          Subscribe to one private address in your calendar app to see the deadlines of all your orders. Anyone with the address can read it; revoke
          it if it leaks.
        </p>
        {feed?.message ? (
          <p className="notice" role="status">
            {feed.message}
          </p>
        ) : null}
        {feed?.feedUrl ? (
          <p>
            <label htmlFor="feed-url">Your calendar address (copy it now: it is shown only once)</label>
            <input id="feed-url" type="text" readOnly value={feed.feedUrl} className="wide" />
          </p>
        ) : settings.feedSince ? (
          <p>An address made on {settings.feedSince.slice(0, 10)} is active.</p>
        ) : (
          <p>You have no calendar address yet.</p>
        )}
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="feed-regenerate" className="button button-secondary">
            {settings.feedSince ? "Make a new address (the old one stops working)" : "Make my calendar address"}
          </button>
          {settings.feedSince ? (
            <button type="submit" name="intent" value="feed-revoke" className="button button-danger">
              Revoke the address
            </button>
          ) : null}
        </Form>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
