/**
 * How a reminder words each alert (contract §2; the advice is the buyer's guide's,
 * ../shared/POLICIES.md). Data, so a new alert is a new row and a missing one is a compile error.
 */
import type { Alert } from "../../machines/vocabulary.ts";

export const ALERT_TEXTS: Record<Alert, { title: string; advice: string }> = {
  not_shipped: {
    title: "Not shipped yet",
    advice: "No tracking number or carrier event more than 5 days after the order: ask the seller for the tracking number.",
  },
  no_update: {
    title: "No tracking update for 7 days",
    advice: "No new carrier event for more than 7 days: check the carrier's own site and message the seller.",
  },
  label_stuck: {
    title: "Stuck at label created",
    advice: "Only the shipping label for more than 10 days: the parcel may not have been handed over; ask the seller.",
  },
  no_progress: {
    title: "No progress for 14 days",
    advice: "Contact the seller, and consider a refund request or a dispute before protection ends.",
  },
  customs_delay: {
    title: "In customs for more than 10 days",
    advice: "Check whether a fee is due, contact the local post or customs, and message the seller.",
  },
  customs_action: {
    title: "Held by customs",
    advice: "Customs holds the parcel or a fee is due: pay it or contact customs or the local post now.",
  },
  returned_to_sender: {
    title: "Returned to sender",
    advice: "The carrier is returning the parcel: contact the seller and ask for a refund or a resend.",
  },
  delivery_failed: {
    title: "Delivery attempt failed",
    advice: "Arrange a new delivery or a pickup with the local carrier before the parcel is sent back.",
  },
  missing_after_delivered: {
    title: "Delivered but not received",
    advice: "Check with family and neighbours, file a complaint with the local courier, then open a case on the marketplace.",
  },
  protection_expiring: {
    title: "Buyer protection ends soon",
    advice: "The marketplace's protection or dispute window ends within 5 days: open a dispute or extend protection now.",
  },
};
