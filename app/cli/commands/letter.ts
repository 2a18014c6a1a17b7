import { classifyEvent } from "../../carriers/events/classify.ts";
import { latestHandover } from "../../carriers/handover.ts";
import { detectNumber } from "../../carriers/numbers/detect.ts";
import { assessOrder } from "../../../machines/assess.ts";
import type { OrderFacts } from "../../../machines/order-facts.ts";
import { parseOrderInput } from "../../orders/order-input-schema.ts";
import type { OrderAssessment } from "../../../templates/document/assessment.ts";
import { isLetterLanguage, LETTER_LANGUAGES, type LetterFacts } from "../../../templates/document/letter-facts.ts";
import { letterFactsFromInput, parseLetterExtras } from "../../../templates/document/letter-input.ts";
import { letterFit } from "../../../templates/letters/letter-fit.ts";
import { writeLetter } from "../../../templates/letters/letter-templates.server.ts";
import { isLetterKind, LETTER_KINDS } from "../../../templates/letters/render-letter.ts";
import { parseJsonInput, readInputArg, UsageError, type CliCommand, type CliIo } from "../io.ts";

export interface OrderForDocuments {
  facts: OrderFacts;
  assessment: OrderAssessment;
  now: Date;
  /** The order JSON as given, for the letter extras the engine's schema does not keep. */
  raw: unknown;
}

/**
 * Reads and validates one order (contract §4) and assesses it, for the commands that write
 * documents. The order's own `now` wins over the clock so a document can be reproduced.
 */
export async function readOrderForDocuments(arg: string | undefined, io: CliIo): Promise<OrderForDocuments> {
  const text = await readInputArg(arg, io, "order file");
  const raw = parseJsonInput(text, arg === "-" ? "standard input" : arg!);
  const parsed = parseOrderInput(raw);
  if (!parsed.ok) throw new UsageError(`invalid order: ${parsed.error}`);
  const { now: given, ...input } = parsed.input;
  const now = given ? new Date(given) : io.now();
  const facts: OrderFacts = {
    ...input,
    // Events arrive as the carrier wrote them; the milestone is read here unless the file gives it.
    events: input.events.map((e) => (e.milestone ? e : { ...e, ...classifyEvent(e.text) })),
  };
  return { facts, assessment: assessOrder(facts, now), now, raw };
}

/** The order JSON → the letters' facts, with the carrier of each number and any hand-over read at this edge. */
export function letterFactsFromOrder({ facts, assessment, raw }: OrderForDocuments): LetterFacts {
  const extras = parseLetterExtras(raw);
  if (!extras.ok) throw new UsageError(`invalid order: ${extras.error}`);
  const last = facts.trackingNumbers.at(-1);
  const handover = latestHandover(facts.events, last ? { currentNumber: last } : {});
  return letterFactsFromInput(facts, assessment, extras.extras, {
    carrierOfNumber: (number) => detectNumber(number).carrier ?? null,
    handover: handover ? { number: handover.number, carrier: handover.carrier } : null,
  });
}

const USAGE = "letter KIND FILE|- [--lang LANG]";

function parseArgs(args: string[]): { kind: string | undefined; file: string | undefined; lang: string | null } {
  const positional: string[] = [];
  let lang: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--lang" || arg.startsWith("--lang=")) {
      const value = arg === "--lang" ? args[++i] : arg.slice("--lang=".length);
      if (!value) throw new UsageError(`--lang needs a language: one of ${LETTER_LANGUAGES.join(", ")}`);
      if (!isLetterLanguage(value.toLowerCase())) throw new UsageError(`unknown language "${value}": use one of ${LETTER_LANGUAGES.join(", ")}`);
      lang = value.toLowerCase();
    } else if (arg.startsWith("--") && arg !== "--") {
      throw new UsageError(`unknown option "${arg}": usage is ${USAGE}`);
    } else positional.push(arg);
  }
  if (positional.length > 2) throw new UsageError(`unexpected argument "${positional[2]}": usage is ${USAGE}`);
  return { kind: positional[0], file: positional[1], lang };
}

/** `letter KIND FILE|- [--lang LANG]`: the letter as plain text, or a refusal when it does not fit the order. */
export const letter: CliCommand = async (args, io) => {
  const { kind, file, lang } = parseArgs(args);
  if (!kind) throw new UsageError(`missing KIND: one of ${LETTER_KINDS.join(", ")}`);
  if (!isLetterKind(kind)) throw new UsageError(`unknown letter kind "${kind}": use one of ${LETTER_KINDS.join(", ")}`);
  const order = await readOrderForDocuments(file, io);
  const facts = letterFactsFromOrder(order);
  const fit = letterFit(kind, facts);
  if (!fit.fits) throw new UsageError(`the ${kind} letter does not fit this order: ${fit.reason}`);
  io.write((await writeLetter(kind, facts, order.now, { lang })).text);
};
