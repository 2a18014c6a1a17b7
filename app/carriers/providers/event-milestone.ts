import type { Milestone } from "../../../machines/vocabulary.ts";
import { classifyEvent } from "../events/classify.ts";

/**
 * Provider codes that say too little on their own: the event text usually says more. Customs codes
 * are here because providers use them for export clearance at origin as well as import clearance.
 */
const BLURRY_CODES = new Set<Milestone>(["unknown", "info_received", "in_transit", "exception", "customs_pending", "customs_cleared"]);

/**
 * Providers' status codes are the first reading, but they blur what matters to a buyer's
 * deadlines: export versus import customs, a handover to the local post. The text goes through our
 * classifier too, and a confident, different reading wins over a blurry or contradicted code.
 */
export function milestoneOfProviderEvent(codeMilestone: Milestone, text: string): { milestone: Milestone; confidence: number } {
  const read = classifyEvent(text);
  if (read.milestone === "unknown") {
    return { milestone: codeMilestone, confidence: codeMilestone === "unknown" ? 0 : 0.7 };
  }
  if (read.milestone === codeMilestone) return { milestone: codeMilestone, confidence: Math.max(read.confidence, 0.9) };
  if (BLURRY_CODES.has(codeMilestone) && read.confidence >= 0.5) return read;
  if (read.confidence >= 0.85) return read;
  return { milestone: codeMilestone, confidence: 0.7 };
}
