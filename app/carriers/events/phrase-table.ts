import type { Milestone } from "../../../machines/vocabulary.ts";

/**
 * What a phrase says. Besides the contract's milestones, two pseudo-meanings steer the matcher:
 * - "unknown": a blocker. "Estimated delivery" contains "delivery" but reports nothing; a longer
 *   blocker swallows the shorter phrases inside it and contributes no milestone.
 * - "not": a negation ("not", "nicht", "未", "не"). A phrase that starts right after it (at most one
 *   short word between) is read as negated and contributes doubt instead of its milestone.
 */
export type PhraseMeaning = Milestone | "not";

/**
 * One row: [pattern, meaning, weight].
 * - pattern: the carrier's words, any case and accents (matching folds both). Words match whole;
 *   a trailing `*` lets the last word continue ("entreg*" matches "entregue", "entregado"). Chinese
 *   and Japanese patterns match anywhere, as those scripts have no spaces.
 * - weight 0..1: how sure this phrase alone makes us of the milestone. Reserve ≥ 0.8 for phrases
 *   that cannot mean anything else; generic words ("delivery", "customs") stay low.
 */
export type PhraseRow = readonly [pattern: string, meaning: PhraseMeaning, weight: number];

export interface PhraseTable {
  /** BCP 47 language tag. */
  language: string;
  /** Where the wording comes from (carrier pages, tracker fixtures); per-row evidence is in tests/fixtures/carrier-events (legacy-* files). */
  sources: readonly string[];
  rows: readonly PhraseRow[];
}
