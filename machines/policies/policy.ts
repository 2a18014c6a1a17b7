/**
 * A policy is dated data with its source (../../../shared/POLICIES.md): when a marketplace changes its
 * terms we add a version, and every deadline can say which rule made it and how sure we are.
 */

/** H = the operator's own page, M = a reputable secondary source, L = a copy or blog (a default only). */
export type Confidence = "H" | "M" | "L";

export interface Policy<Rules> {
  id: string;
  /** Bumped whenever a number changes; deadlines computed under an older version are recomputed. */
  version: number;
  name: string;
  /** When the rule was published or last checked (ISO date). */
  date: string;
  /** Where the rule comes from, as a person can look it up. */
  source: string;
  confidence: Confidence;
  rules: Rules;
}

/** How a deadline names its origin: the policy's name and date, or the buyer's guide itself. */
export function sourceOf(policy: Policy<unknown>): string {
  return policy.id === "buyers-guide" ? "buyer's guide" : `${policy.name} (${policy.date})`;
}
