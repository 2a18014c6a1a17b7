import { classifyEvent } from "../../carriers/events/classify.ts";
import { assessOrder } from "../../../machines/assess.ts";
import type { OrderFacts } from "../../../machines/order-facts.ts";
import { parseOrderInput } from "../../orders/order-input-schema.ts";
import type { OrderAssessment } from "../../../templates/document/assessment.ts";
import { writeLetter } from "../../../templates/letters/letter-templates.server.ts";
import { isLetterKind, LETTER_KINDS } from "../../../templates/letters/render-letter.ts";
import { parseJsonInput, readInputArg, UsageError, type CliCommand, type CliIo } from "../io.ts";

export interface OrderForDocuments {
  facts: OrderFacts;
  assessment: OrderAssessment;
  now: Date;
}

/**
 * Reads and validates one order (contract §4) and assesses it, for the commands that write
 * documents. The order's own `now` wins over the clock so a document can be reproduced.
 */
export async function readOrderForDocuments(arg: string | undefined, io: CliIo): Promise<OrderForDocuments> {
  const text = await readInputArg(arg, io, "order file");
  const parsed = parseOrderInput(parseJsonInput(text, arg === "-" ? "standard input" : arg!));
  if (!parsed.ok) throw new UsageError(`invalid order: ${parsed.error}`);
  const { now: given, ...input } = parsed.input;
  const now = given ? new Date(given) : io.now();
  const facts: OrderFacts = {
    ...input,
    // Events arrive as the carrier wrote them; the milestone is read here unless the file gives it.
    events: input.events.map((e) => (e.milestone ? e : { ...e, ...classifyEvent(e.text) })),
  };
  return { facts, assessment: assessOrder(facts, now), now };
}

/** `letter KIND FILE|-`: the letter as plain text. */
export const letter: CliCommand = async (args, io) => {
  const [kind, file, ...rest] = args;
  if (!kind) throw new UsageError(`missing KIND: one of ${LETTER_KINDS.join(", ")}`);
  if (!isLetterKind(kind)) throw new UsageError(`unknown letter kind "${kind}": use one of ${LETTER_KINDS.join(", ")}`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}": usage is letter KIND FILE|-`);
  const { facts, assessment, now } = await readOrderForDocuments(file, io);
  io.write(await writeLetter(kind, facts, assessment, now));
};
