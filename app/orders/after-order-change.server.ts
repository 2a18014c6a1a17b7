/**
 * What follows a committed change to an order from the web. Both run only after the write
 * transaction has committed (registration makes HTTP calls; nothing slow may hold the write lock)
 * and neither can fail the request: the change is saved, and the provider refresher catches up.
 */
import type { DB } from "../../db/client.server.ts";
import { providerSetup, type ProviderSetup } from "../providers/provider-setup.server.ts";
import { registerOrderNumbers } from "../providers/registration.server.ts";
import { replanStoredOrder } from "../reminders/replan.server.ts";

function report(what: string, orderId: string, error: unknown): void {
  process.stderr.write(`${JSON.stringify({ level: "error", orderId, error: error instanceof Error ? error.message : String(error) })} ${what}\n`);
}

/**
 * Registers the order's tracking numbers with the connected providers in the background. Provider
 * failures are kept on the rows by `registerOrderNumbers`; anything else (a database error) is
 * logged here, because an unhandled rejection would end the whole server process.
 */
export function registerNumbersInBackground(db: DB, userId: string, orderId: string, now: Date, setup?: ProviderSetup): void {
  // The setup is read inside the promise: a malformed provider setting is logged, not thrown.
  void Promise.resolve()
    .then(() => registerOrderNumbers(db, userId, orderId, now, setup ?? providerSetup()))
    .catch((error: unknown) => report("registering tracking numbers failed; the refresher will try again", orderId, error));
}

/**
 * Re-plans the order's reminders from its facts as they are now, before the page reloads: a
 * recorded "received" cancels them, a new event that moves a deadline moves them. Awaited so the
 * next page shows the new plan; a failure is logged (the periodic re-plan catches up).
 */
export async function replanAfterCommit(db: DB, args: { userId: string; orderId: string; now: Date; messageDomain: string }): Promise<void> {
  try {
    await replanStoredOrder(db, args);
  } catch (error) {
    report("re-planning reminders failed; the periodic re-plan will try again", args.orderId, error);
  }
}
