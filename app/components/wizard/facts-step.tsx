import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { InputField, SelectField } from "~/components/form-fields.tsx";
import { FormErrors } from "~/components/text-field.tsx";
import type { DraftData } from "~/orders/wizard/draft-data.ts";
import { factsSchema } from "~/orders/wizard/step-schemas.ts";
import { validateUnlessBack, WizardButtons } from "./wizard-progress.tsx";

/** Where each value sits on the marketplace's order page (checked against the AliExpress and Temu apps and sites, 2026). */
const HELP = {
  aliexpress: {
    orderNumber: "Account → My Orders → the order → Order details: the “Order ID” (16 digits or more). Tap “Copy”.",
    orderedOn: "“Order time” on the same Order details page.",
    protectionEndsOn: "Under the order, AliExpress shows “Buyer protection ends in N days” or a date: count from today, or type the date shown.",
    promisedDeliveryOn: "“Delivery by …” or “Guaranteed delivery by …” on the order page.",
  },
  temu: {
    orderNumber: "Your orders → the order → Order details: the “Order ID”, which starts with PO-.",
    orderedOn: "“Order time” on the Order details page.",
    estimated: "Temu shows “Estimated delivery: Mar 10 – Mar 18” (or “Arrives …”) on the order: type the first and last day.",
  },
  other: {
    orderNumber: "The order's number as the marketplace's order page shows it.",
    orderedOn: "The day you paid for the order.",
  },
} as const;

const PAYMENT = [
  { value: "card", label: "Card" },
  { value: "paypal", label: "PayPal" },
  { value: "other", label: "Something else" },
];
const NETWORKS = [
  { value: "visa", label: "Visa" },
  { value: "mastercard", label: "Mastercard" },
  { value: "amex", label: "American Express" },
  { value: "other", label: "Another card" },
];

export function FactsStep({
  draftId,
  data,
  today,
  lastResult,
  busy,
}: {
  /** Null on the order's edit page: the same fields, saved straight to the order. */
  draftId: string | null;
  data: DraftData;
  today: string;
  lastResult?: SubmissionResult<string[]>;
  busy: boolean;
}) {
  const [form, fields] = useForm({
    id: "wizard-facts",
    lastResult,
    defaultValue: data,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => validateUnlessBack(formData, factsSchema(today)),
  });
  const platform = data.platform ?? "other";
  // The wizard offers AliExpress, Temu or another marketplace; the contract's other ids read the generic help.
  const help = platform === "aliexpress" || platform === "temu" ? HELP[platform] : HELP.other;
  const marketplace = platform === "aliexpress" ? "AliExpress" : platform === "temu" ? "Temu" : "the marketplace";
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {draftId ? (
        <>
          <input type="hidden" name="step" value="facts" />
          <input type="hidden" name="draftId" value={draftId} />
        </>
      ) : null}
      <p className="muted">Open the order in the {marketplace} app or website; each field says where to look.</p>
      <InputField label="Order number" meta={fields.orderNumber} hint={help.orderNumber} />
      <InputField label="Order date" type="date" meta={fields.orderedOn} hint={help.orderedOn} />
      <InputField label="What you ordered" meta={fields.item} hint="A few words you will recognise, e.g. “USB-C cable, 2 m”." />
      <InputField label="Seller (optional)" meta={fields.seller} hint="The shop's name on the order page." />
      <div className="field-row">
        <InputField label="Amount paid" meta={fields.amount} inputMode="decimal" hint="The total you paid, e.g. 12.34 or 12,34." />
        <InputField label="Currency" meta={fields.currency} hint="Three letters, e.g. EUR." />
      </div>
      <SelectField
        label="Paid with"
        meta={fields.paymentMethod}
        options={PAYMENT}
        hint="Decides which extra protection you have (card chargeback, PayPal)."
      />
      <SelectField label="Card brand (if you paid by card)" meta={fields.cardNetwork} options={NETWORKS} />
      {platform !== "temu" ? (
        <>
          <InputField
            label="Buyer protection ends (as the order page shows it)"
            type="date"
            meta={fields.protectionEndsOn}
            hint={
              "protectionEndsOn" in help
                ? help.protectionEndsOn
                : "If the marketplace shows when its protection ends, type that day; it wins over our estimate."
            }
          />
          <InputField
            label="Promised delivery date"
            type="date"
            meta={fields.promisedDeliveryOn}
            hint={"promisedDeliveryOn" in help ? help.promisedDeliveryOn : "The “delivery by” date, if one is shown."}
          />
        </>
      ) : null}
      {platform !== "aliexpress" ? (
        <fieldset className="field-group">
          <legend>Estimated delivery (as the order page shows it)</legend>
          {"estimated" in help ? <p className="field-hint">{help.estimated}</p> : null}
          <div className="field-row">
            <InputField label="Earliest day" type="date" meta={fields.estimatedEarliestOn} />
            <InputField label="Latest day" type="date" meta={fields.estimatedLatestOn} />
          </div>
        </fieldset>
      ) : null}
      {draftId ? (
        <WizardButtons busy={busy} />
      ) : (
        <button type="submit" className="button" disabled={busy}>
          Save changes
        </button>
      )}
    </Form>
  );
}
