/**
 * The words of one reminder, for every channel: e-mail (plain text and HTML), the in-app
 * notification and the webhook's JSON. Pure: the caller passes the app's URL.
 */
import { ALERTS, type Alert } from "../../machines/vocabulary.ts";
import { ALERT_TEXTS } from "./alert-texts.ts";

export interface ReminderMessageInput {
  key: string;
  orderId: string;
  kind: string;
  subject: string;
  leadDays: number | null;
  dueAt: string;
  title: string | null;
  reason: string | null;
  source: string | null;
  deadlineDue: string | null;
}

export interface ReminderMessage {
  subject: string;
  headline: string;
  body: string;
  link: string;
  text: string;
  html: string;
}

function isAlert(value: string): value is Alert {
  return (ALERTS as readonly string[]).includes(value);
}

function formatUtc(iso: string): string {
  // The e-mail cannot know the reader's client zone; the instant in UTC plus the link is unambiguous.
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function renderReminderMessage(reminder: ReminderMessageInput, appUrl: string): ReminderMessage {
  const link = `${appUrl.replace(/\/$/, "")}/orders/${encodeURIComponent(reminder.orderId)}`;
  let headline: string;
  let body: string;
  if (reminder.kind === "alert") {
    const words = isAlert(reminder.subject)
      ? ALERT_TEXTS[reminder.subject]
      : { title: reminder.subject, advice: "Open the order to see what to do." };
    headline = words.title;
    body = words.advice;
  } else {
    const title = reminder.title ?? reminder.subject;
    const due = reminder.deadlineDue ? formatUtc(reminder.deadlineDue) : "";
    if (reminder.kind === "passed") {
      headline = `Deadline passed: ${title}`;
      body = `This deadline passed on ${due} and nothing was recorded for it. ${reminder.reason ?? ""}`.trim();
    } else {
      const days = reminder.leadDays === 1 ? "1 day" : `${reminder.leadDays} days`;
      headline = `${title}: ${days} left`;
      body = `Due ${due}. ${reminder.reason ?? ""}`.trim();
    }
    if (reminder.source) body += ` (Source: ${reminder.source}.)`;
  }
  const subject = `ClaimTrail: ${headline}`;
  const text = `${headline}\n\n${body}\n\nOpen the order: ${link}\n\nYou get this because reminders are on for this order; change them at ${appUrl.replace(/\/$/, "")}/settings/reminders\n`;
  const html =
    `<!doctype html><html><body style="font-family:sans-serif">` +
    `<h1 style="font-size:18px">${escapeHtml(headline)}</h1>` +
    `<p>${escapeHtml(body)}</p>` +
    `<p><a href="${escapeHtml(link)}">Open the order</a></p>` +
    `<p style="color:#666;font-size:12px">Change your reminders: <a href="${escapeHtml(appUrl.replace(/\/$/, ""))}/settings/reminders">settings</a></p>` +
    `</body></html>`;
  return { subject, headline, body, link, text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
