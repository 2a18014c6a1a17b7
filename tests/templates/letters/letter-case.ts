import { readdirSync, readFileSync } from "node:fs";
import { letterFactsFromOrder } from "../../../app/cli/commands/letter.ts";
import type { LetterFacts } from "../../../templates/document/letter-facts.ts";
import { documentCase } from "../order-fixtures.ts";

/** An order JSON made into the letters' facts exactly as `letter` on the command line does. */
export interface LetterCase {
  name: string;
  raw: Record<string, unknown>;
  facts: LetterFacts;
  now: string;
}

const SCENARIOS = new URL("../../fixtures/orders/scenarios/", import.meta.url);
const ORDERS = new URL("../../fixtures/orders/", import.meta.url);

export const SCENARIO_NAMES = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .sort();
export const ORDER_NAMES = readdirSync(ORDERS)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .sort();

export function letterCase(raw: Record<string, unknown>, name = "inline", now?: string): LetterCase {
  const c = documentCase(raw, name, now);
  return { name, raw, now: c.now, facts: letterFactsFromOrder({ facts: c.facts, assessment: c.assessment, now: new Date(c.now), raw }) };
}

export function rawScenario(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, SCENARIOS), "utf8"));
}

export const scenarioCase = (name: string) => letterCase(rawScenario(name), name);
export const orderCase = (name: string) => letterCase(JSON.parse(readFileSync(new URL(`${name}.json`, ORDERS), "utf8")), name);
