import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { Link } from "@remix-run/react";
import { STEP_TITLES, WIZARD_STEPS, type WizardStep } from "~/orders/wizard/draft-data.ts";

/** The five steps as a numbered list; steps already reached are links, the current one is marked. */
export function WizardProgress({ draftId, step, reached }: { draftId: string | null; step: WizardStep; reached: number }) {
  return (
    <nav aria-label="Steps" className="wizard-progress">
      <ol>
        {WIZARD_STEPS.map((s, i) => {
          const current = s === step;
          const canVisit = draftId !== null && i <= reached && !current;
          return (
            <li
              key={s}
              className={current ? "current" : i < WIZARD_STEPS.indexOf(step) ? "done" : undefined}
              aria-current={current ? "step" : undefined}
            >
              {canVisit ? <Link to={`/orders/new?draft=${draftId}&step=${s}`}>{STEP_TITLES[s]}</Link> : <span>{STEP_TITLES[s]}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Continue first in the page, so Enter in a field continues rather than going back. */
export function WizardButtons({ next = "Continue", back = true, busy }: { next?: string; back?: boolean; busy: boolean }) {
  return (
    <div className="wizard-buttons">
      <button type="submit" name="intent" value="next" className="button" disabled={busy}>
        {next}
      </button>
      {back ? (
        <button type="submit" name="intent" value="back" className="button button-secondary" formNoValidate>
          Back
        </button>
      ) : null}
    </div>
  );
}

/** Client-side checks for a step, except when going Back: what was typed is saved as it is. */
export function validateUnlessBack<S extends z.ZodTypeAny>(formData: FormData, schema: S) {
  const anything = z.object({}).passthrough() as unknown as S;
  return parseWithZod(formData, { schema: formData.get("intent") === "back" ? anything : schema });
}
