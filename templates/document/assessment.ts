import type { Deadline, NextAction } from "../../machines/order-facts.ts";
import type { Alert, CaseState, Milestone, OrderState } from "../../machines/vocabulary.ts";

/**
 * What the engine says about an order (contract §4 `assess` output). Declared here, structurally,
 * so the documents depend on the engine's words and not on its code (DESIGN.md: templates → machines,
 * types only); `assessOrder`'s result fits this shape.
 */
export interface OrderAssessment {
  state: OrderState;
  milestone: Milestone | null;
  alerts: readonly Alert[];
  case: CaseState;
  deadlines: readonly Deadline[];
  actions: readonly NextAction[];
}
