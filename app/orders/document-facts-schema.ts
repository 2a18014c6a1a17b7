import { z } from "zod";

/**
 * Facts only the buyer has, asked for on the documents page before a download (issue 13): a
 * document that needs one and does not have it leaves the sentence out instead of printing a blank.
 */
const reference = (label: string) =>
  z
    .string()
    .trim()
    .max(120, `Keep the ${label} under 120 characters.`)
    .optional()
    .transform((v) => (v ? v : null));

export const DocumentFactsSchema = z.object({
  intent: z.literal("document-facts"),
  paymentReference: reference("payment reference"),
  carrierCaseNumber: reference("case number"),
});

/** What the payment reference is called for this order's payment method. */
export function paymentReferenceLabel(paymentMethod: string | null): { label: string; hint: string } {
  if (paymentMethod === "paypal") {
    return { label: "PayPal transaction ID", hint: "In PayPal's activity list, open the payment: the 17-character ID under “Transaction ID”." };
  }
  if (paymentMethod === "card") {
    return { label: "Card statement line", hint: "The line for this payment on your card statement, as your bank shows it." };
  }
  return { label: "Payment reference", hint: "The reference your payment provider gave for this payment." };
}
