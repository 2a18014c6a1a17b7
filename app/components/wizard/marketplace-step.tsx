import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { InputField, RadioGroupField } from "~/components/form-fields.tsx";
import { FormErrors } from "~/components/text-field.tsx";
import type { DraftData } from "~/orders/wizard/draft-data.ts";
import { MarketplaceSchema } from "~/orders/wizard/step-schemas.ts";
import { WizardButtons } from "./wizard-progress.tsx";

export function MarketplaceStep({
  draftId,
  data,
  lastResult,
  busy,
}: {
  draftId: string | null;
  data: DraftData;
  lastResult?: SubmissionResult<string[]>;
  busy: boolean;
}) {
  const [form, fields] = useForm({
    id: "wizard-marketplace",
    lastResult,
    defaultValue: { platform: data.platform, platformName: data.platformName },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MarketplaceSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="step" value="marketplace" />
      {draftId ? <input type="hidden" name="draftId" value={draftId} /> : null}
      <RadioGroupField
        legend="Where did you order?"
        meta={fields.platform}
        options={[
          { value: "aliexpress", label: "AliExpress" },
          { value: "temu", label: "Temu" },
          { value: "other", label: "Another marketplace" },
        ]}
      />
      <InputField label="Marketplace name (only for another marketplace)" meta={fields.platformName} hint="For example Shein, Wish or eBay." />
      <WizardButtons back={false} busy={busy} />
    </Form>
  );
}
