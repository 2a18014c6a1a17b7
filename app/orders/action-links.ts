/**
 * Where each next action is done in the web app (issue 13): the engine's actions keep the contract's
 * {id, title, urgency}; the order page adds the link. An action with no page of its own (wait, check
 * the Temu credit) has none.
 */
type Page = "documents" | "checklist";

const PAGE_OF_ACTION: Readonly<Record<string, { page: Page; label: string }>> = {
  "pay-import-fee": { page: "documents", label: "Letters to the local post and customs" },
  "contact-customs": { page: "documents", label: "Letters to the local post and customs" },
  "contact-seller-returned": { page: "documents", label: "Write to the seller" },
  "report-carrier-problem": { page: "documents", label: "Write to the seller" },
  "ask-seller-for-tracking": { page: "documents", label: "Write to the seller" },
  "ask-seller-about-label": { page: "documents", label: "Write to the seller" },
  "chase-no-update": { page: "documents", label: "Write to the seller" },
  "contact-seller-no-progress": { page: "documents", label: "Write to the seller" },
  "promised-date-passed": { page: "documents", label: "Write to the seller" },
  "extend-protection": { page: "documents", label: "Write to the seller" },
  "missing-parcel-checklist": { page: "checklist", label: "Open the checklist" },
  "start-checklist": { page: "checklist", label: "Open the checklist" },
  "open-dispute": { page: "documents", label: "Letter and evidence for the marketplace" },
  "seller-reply": { page: "documents", label: "Letter and evidence for the marketplace" },
  "escalate-dispute": { page: "documents", label: "Letter and evidence for the marketplace" },
  "follow-dispute": { page: "documents", label: "Letter and evidence for the marketplace" },
  "wait-for-decision": { page: "documents", label: "Your evidence packet" },
  "escalate-paypal": { page: "documents", label: "Letter for PayPal" },
  chargeback: { page: "documents", label: "Letter for your card issuer" },
};

export function actionLink(actionId: string, orderId: string): { href: string; label: string } | null {
  const target = PAGE_OF_ACTION[actionId];
  return target ? { href: `/orders/${encodeURIComponent(orderId)}/${target.page}`, label: target.label } : null;
}
