import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addReport, deleteReport, listReports, reportData } from "../../../db/queries/reports.server.ts";
import type { Order } from "../../../db/schema.ts";
import { createTwoUserDatabase, type TestDatabase } from "../../factories/db.ts";

let t: TestDatabase;
let order: Order;
beforeEach(async () => {
  ({ t, order } = await createTwoUserDatabase());
});
afterEach(async () => {
  await t.close();
});

describe("the buyer's reports", () => {
  it("lists reports in the order they happened, with their extra facts", async () => {
    await addReport(t.db, "alice", order.id, {
      kind: "protection_extended",
      at: "2026-04-10T12:00:00Z",
      data: { protectionEndsAt: "2026-05-30T00:00:00+02:00" },
    });
    await addReport(t.db, "alice", order.id, {
      kind: "contacted_seller",
      at: "2026-04-02T09:00:00Z",
      note: "Asked where the parcel is",
      reference: "msg-1",
    });
    const reports = await listReports(t.db, "alice", order.id);
    expect(reports.map((r) => r.kind)).toEqual(["contacted_seller", "protection_extended"]);
    expect(reports[0]).toMatchObject({ note: "Asked where the parcel is", reference: "msg-1", data: null });
    expect(reportData(reports[1])).toEqual({ protectionEndsAt: "2026-05-29T22:00:00.000Z" });
  });

  it("refuses a protection extension without its new date, and an unknown kind", async () => {
    await expect(addReport(t.db, "alice", order.id, { kind: "protection_extended", at: "2026-04-10T12:00:00Z" })).rejects.toThrow(
      "report not saved: data.protectionEndsAt a protection extension needs the new end date",
    );
    await expect(addReport(t.db, "alice", order.id, { kind: "lost" as never, at: "2026-04-10T12:00:00Z" })).rejects.toThrow(/report not saved: kind/);
    expect(await listReports(t.db, "alice", order.id)).toEqual([]);
  });

  it("another user can neither add, see nor delete the order's reports", async () => {
    const report = await addReport(t.db, "alice", order.id, { kind: "not_received", at: "2026-04-01T00:00:00Z" });
    expect(await addReport(t.db, "bob", order.id, { kind: "refunded", at: "2026-04-02T00:00:00Z" })).toBeNull();
    expect(await listReports(t.db, "bob", order.id)).toEqual([]);
    expect(await deleteReport(t.db, "bob", report!.id)).toBe(false);
    expect(await listReports(t.db, "alice", order.id)).toEqual([report]);
    expect(await deleteReport(t.db, "alice", report!.id)).toBe(true);
    expect(await listReports(t.db, "alice", order.id)).toEqual([]);
  });
});
