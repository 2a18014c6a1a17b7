import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { formatDate } from "~/components/order-labels.ts";
import { getDb } from "~/server/db.server.ts";
import {
  countUnreadNotifications,
  listFailedReminders,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "../../db/queries/reminders.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && data.unread > 0 ? `Notifications (${data.unread}) — ClaimTrail` : "Notifications — ClaimTrail" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const [notifications, unread, failed] = await Promise.all([
    listNotifications(db, user.id),
    countUnreadNotifications(db, user.id),
    listFailedReminders(db, user.id),
  ]);
  return {
    unread,
    notifications: notifications.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      link: n.link,
      at: formatDate(n.created_at, user.timeZone, true),
      read: n.read_at !== null,
    })),
    failed: failed.map((r) => ({
      id: r.id,
      channel: r.channel,
      orderLink: `/orders/${r.order_id}`,
      error: r.last_error ?? "",
      title: r.title ?? r.subject,
    })),
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data("That request was not understood.", { status: 400 });
  const db = getDb();
  if (parsed.data.intent === "read-all") {
    await markAllNotificationsRead(db, user.id, new Date());
    return { ok: true };
  }
  // Someone else's notification and a made-up id look the same.
  if (!(await markNotificationRead(db, user.id, parsed.data.id, new Date())))
    throw data("There is no such notification in your account.", { status: 404 });
  return { ok: true };
}

export default function Notifications() {
  const { unread, notifications, failed } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>Notifications {unread > 0 ? <span className="badge">{`${unread} unread`}</span> : null}</h1>
      {failed.length > 0 ? (
        <div className="panel danger-zone" role="alert">
          <h2>Reminders we could not deliver</h2>
          <ul>
            {failed.map((f) => (
              <li key={f.id}>
                <Link to={f.orderLink}>{f.title}</Link> by {f.channel === "email" ? "e-mail" : f.channel}: {f.error}.{" "}
                <Link to="/settings/reminders">Check your reminder settings</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {notifications.length === 0 ? (
        <p>Nothing yet. Reminders about your orders' deadlines and alerts appear here.</p>
      ) : (
        <>
          {unread > 0 ? (
            <Form method="post">
              <button type="submit" name="intent" value="read-all" className="button button-secondary">
                Mark all as read
              </button>
            </Form>
          ) : null}
          <ul className="notification-list">
            {notifications.map((n) => (
              <li key={n.id} className={n.read ? "notification" : "notification unread"}>
                <p>
                  <strong>{n.title}</strong> {n.read ? null : <span className="visually-hidden">(unread)</span>}
                </p>
                <p>{n.body}</p>
                <p className="muted">{n.at}</p>
                <p>
                  <Link to={n.link}>Open the order</Link>
                </p>
                {n.read ? null : (
                  <Form method="post">
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" name="intent" value="read" className="link-button">
                      Mark as read
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/settings/reminders">Reminder settings</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
