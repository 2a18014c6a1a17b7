import { afterEach, describe, expect, it } from "vitest";
import { addReport } from "../../../db/queries/reports.server.ts";
import { addTrackingEvents, addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { assessStoredOrder, assessUserOrders } from "../../../app/orders/order-service.server.ts";
import { createTwoUserDatabase, type TestDatabase } from "../../factories/db.ts";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const now = new Date("2026-03-20T10:00:00Z");

describe("assessing a stored order", () => {
  it("replays the stored events into the contract's state, then answers from the cache until the facts change", async () => {
    const setup = await createTwoUserDatabase();
    t = setup.t;
    const { order } = setup;
    await addTrackingNumbers(t.db, "alice", order.id, [{ number: "LP00123456789012", carrier: "cainiao", source: "user" }]);
    await addTrackingEvents(t.db, "alice", order.id, [
      {
        at: "2026-03-04T08:00:00Z",
        text: "Departure from outward office of exchange",
        milestone: "departed_origin",
        source: "paste",
        trackingNumber: "LP00123456789012",
      },
    ]);

    const first = await assessStoredOrder(t.db, "alice", order.id, now);
    expect(first?.assessment.state).toBe("in_transit");
    // 16 days without news while in transit: the buyer's guide says to worry.
    expect(first?.assessment.alerts).toContain("no_update");
    const cachedRow = await t.db.selectFrom("orders").select(["snapshot", "snapshot_version"]).where("id", "=", order.id).executeTakeFirstOrThrow();
    expect(cachedRow.snapshot).not.toBeNull();

    const again = await assessStoredOrder(t.db, "alice", order.id, now);
    expect(again?.assessment).toEqual(first?.assessment);

    await addTrackingEvents(t.db, "alice", order.id, [
      { at: "2026-03-18T09:00:00Z", text: "Held at customs", milestone: "customs_held", source: "paste", trackingNumber: "LP00123456789012" },
    ]);
    const afterNews = await assessStoredOrder(t.db, "alice", order.id, now);
    expect(afterNews?.assessment.state).toBe("customs_held");
    expect(afterNews?.assessment.alerts).toContain("customs_action");
  });

  it("reflects the buyer's reports in the case", async () => {
    const setup = await createTwoUserDatabase();
    t = setup.t;
    await addReport(t.db, "alice", setup.order.id, { kind: "dispute_opened", at: "2026-03-19T10:00:00Z" });
    const assessed = await assessStoredOrder(t.db, "alice", setup.order.id, now);
    expect(assessed?.assessment.case).toBe("dispute_open");
  });

  it("answers null for another user's order and lists only the user's own orders", async () => {
    const setup = await createTwoUserDatabase();
    t = setup.t;
    expect(await assessStoredOrder(t.db, "bob", setup.order.id, now)).toBeNull();
    expect(await assessUserOrders(t.db, "bob", now)).toEqual([]);
    const alice = await assessUserOrders(t.db, "alice", now);
    expect(alice.map((o) => o.order.id)).toEqual([setup.order.id]);
    expect(alice[0].assessment.state).toBe("awaiting_shipment");
  });
});
