import { assessOrder } from "../../../machines/assess.ts";
import type { BuyerReportFact, OrderFacts } from "../../../machines/order-facts.ts";
import { classifyEvent } from "../../carriers/events/classify.ts";
import { parseOrderInput } from "../../orders/order-input-schema.ts";
import { parseJsonInput, readInputArg, UsageError, writeJsonLine, type CliCommand } from "../io.ts";

/**
 * `assess FILE|-` (CONTRACT.md §4): one order in, one JSON answer out. The order's own `now` wins
 * over the clock so that an answer can be reproduced later.
 */
export const assess: CliCommand = async (args, io) => {
  const [file, ...rest] = args;
  if (rest.length > 0) throw new UsageError(`assess takes one FILE (or -), got ${args.length} arguments`);
  const text = await readInputArg(file, io, "order file");
  const parsed = parseOrderInput(parseJsonInput(text, file === "-" ? "standard input" : file!));
  if (!parsed.ok) throw new UsageError(parsed.error);
  const { now, ...facts } = parsed.input;
  writeJsonLine(io, assessOrder(classified(facts), now ? new Date(now) : io.now()));
};

/**
 * Events typed or pasted without a milestone are read by the classifier first. A `checklist` entry
 * the order JSON records (done with `doneAt`, or skipped) is a step the engine must not ask for
 * again: it becomes the same checklist-step report the web app records, unless one is already there.
 */
function classified(facts: OrderFacts): OrderFacts {
  const reported = new Set((facts.reports ?? []).filter((r) => r.kind === "checklist_step").map((r) => r.step));
  const steps: BuyerReportFact[] = (facts.checklist ?? [])
    .filter((entry) => !reported.has(entry.step) && (entry.skipped || entry.doneAt))
    .map((entry) => ({
      at: entry.doneAt ?? facts.orderedAt,
      kind: "checklist_step",
      step: entry.step,
      skipped: entry.skipped === true,
      note: entry.reason ?? entry.note ?? null,
    }));
  return {
    ...facts,
    events: facts.events.map((event) => (event.milestone ? event : { ...event, ...classifyEvent(event.text) })),
    reports: [...(facts.reports ?? []), ...steps],
  };
}
