/**
 * What /settings/reminders reads and saves. Saving re-plans every order of the person, so new
 * lead days, channels or a new time zone apply at once.
 */
import { randomBytes } from "node:crypto";
import type { DB } from "../../db/client.server.ts";
import { getActiveCalendarFeed, getReminderPreferences, saveReminderPreferences } from "../../db/queries/reminders.server.ts";
import type { ReminderSettings } from "./preferences-schema.ts";
import { replanUserReminders } from "./replan.server.ts";

export async function loadReminderSettings(db: DB, userId: string) {
  const [prefs, feed] = await Promise.all([getReminderPreferences(db, userId), getActiveCalendarFeed(db, userId)]);
  if (!prefs) throw new Error("the signed-in person has no account row");
  return {
    channels: prefs.channels,
    leadDays: prefs.leadDays.join(", "),
    sendTime: prefs.sendTime,
    quietStart: prefs.quietHours?.start ?? "",
    quietEnd: prefs.quietHours?.end ?? "",
    timeZone: prefs.timeZone,
    email: prefs.email ?? "",
    webhookUrl: prefs.webhookUrl ?? "",
    webhookSecret: prefs.webhookSecret ?? "",
    feedSince: feed?.createdAt ?? null,
  };
}

export async function saveReminderSettings(db: DB, args: { userId: string; settings: ReminderSettings; now: Date; messageDomain: string }) {
  const { settings } = args;
  const current = await getReminderPreferences(db, args.userId);
  // The receiver needs the secret to check signatures: keep the one it has, make one if none.
  const webhookSecret = settings.webhookUrl ? (settings.webhookSecret ?? current?.webhookSecret ?? randomBytes(24).toString("base64url")) : null;
  await saveReminderPreferences(
    db,
    args.userId,
    {
      channels: settings.channels,
      leadDays: settings.leadDays,
      sendTime: settings.sendTime,
      quietHours: settings.quietStart && settings.quietEnd ? { start: settings.quietStart, end: settings.quietEnd } : null,
      timeZone: settings.timeZone,
      email: settings.email ?? null,
      webhookUrl: settings.webhookUrl ?? null,
      webhookSecret,
    },
    args.now,
  );
  return replanUserReminders(db, { userId: args.userId, now: args.now, messageDomain: args.messageDomain });
}
