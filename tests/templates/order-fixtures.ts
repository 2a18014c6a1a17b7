import { readFileSync, readdirSync } from "node:fs";
import { classifyEvent } from "../../app/carriers/events/classify.ts";
import { OrderInputSchema } from "../../app/orders/order-input-schema.ts";
import { assessOrder } from "../../machines/assess.ts";
import type { OrderFacts } from "../../machines/order-facts.ts";
import type { OrderAssessment } from "../../templates/document/assessment.ts";

/** An order as the documents receive it: validated, classified and assessed by the real engine. */
export interface DocumentCase {
  name: string;
  facts: OrderFacts;
  assessment: OrderAssessment;
  now: string;
}

const FIXTURES = new URL("../fixtures/orders/", import.meta.url);

export const FIXTURE_NAMES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""))
  .sort();

/** Builds a case from raw order JSON (contract §4 shape); `now` defaults to the JSON's own. */
export function documentCase(raw: unknown, name = "inline", now?: string): DocumentCase {
  const { now: given, ...input } = OrderInputSchema.parse(raw);
  const at = now ?? given ?? "2026-04-01T00:00:00.000Z";
  const facts: OrderFacts = { ...input, events: input.events.map((e) => (e.milestone ? e : { ...e, ...classifyEvent(e.text) })) };
  return { name, facts, assessment: assessOrder(facts, new Date(at)), now: at };
}

export function rawFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), "utf8"));
}

export function fixtureCase(name: string): DocumentCase {
  return documentCase(rawFixture(name), name);
}
