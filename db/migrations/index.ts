import type { Migration } from "kysely";
import * as m20261125080000 from "./20261125080000_initial.ts";
import * as m20261125083000 from "./20261125083000_reminders.ts";
import * as m20261125084000 from "./20261125084000_provider_trackings.ts";
import * as m20261125090000 from "./20261125090000_order_drafts.ts";
import * as m20261125091000 from "./20261125091000_evidence_files.ts";
import * as m20261203120000 from "./20261203120000_buyer_profile.ts";

/**
 * Every migration, by name, in order. A static index (not a folder scan) so that bundlers and tsx
 * see the same list, and a missing file is a compile error rather than a silent skip.
 */
export const migrations: Record<string, Migration> = {
  "20261125080000_initial": m20261125080000,
  "20261125083000_reminders": m20261125083000,
  "20261125084000_provider_trackings": m20261125084000,
  "20261125090000_order_drafts": m20261125090000,
  "20261125091000_evidence_files": m20261125091000,
  "20261203120000_buyer_profile": m20261203120000,
};
