/** Each test gets its own migrated database file and its own real SMTP server. */
import { afterEach, beforeEach } from "vitest";
import { createTestDb, type TestDb } from "./reminder-db.ts";
import { startMailbox, type Mailbox } from "./smtp-mailbox.ts";

export function useSweepTestBed(): { t: TestDb; mailbox: Mailbox } {
  const bed = {} as { t: TestDb; mailbox: Mailbox };
  beforeEach(async () => {
    bed.t = await createTestDb();
    bed.mailbox = await startMailbox();
  });
  afterEach(async () => {
    await bed.mailbox.close();
    await bed.t.close();
  });
  return bed;
}
