// Run as `node --import tsx write-until-killed.ts FILE USER`: 50 concurrent writers add orders, each
// with an event, through the app's own writeTransaction, and print each order id once its commit
// has returned (an acknowledged write), until the process is killed.
import { writeTransaction, openDatabase } from "../../../db/client.server.ts";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { addTrackingEvents } from "../../../db/queries/tracking.server.ts";

const [file, userId] = process.argv.slice(2);
const { db } = openDatabase(file);

async function writer(n: number): Promise<never> {
  for (let i = 0; ; i++) {
    const id = await writeTransaction(db, async (trx) => {
      const order = await createOrder(trx, userId, { platform: "temu", ordered_at: "2026-03-01T10:00:00Z", order_number: `w${n}-${i}` });
      await addTrackingEvents(trx, userId, order.id, [
        { at: "2026-03-04T08:00:00Z", text: `event ${n}-${i}`, source: "manual", milestone: "in_transit" },
      ]);
      return order.id;
    });
    process.stdout.write(id + "\n");
  }
}

await Promise.all(Array.from({ length: 50 }, (_, n) => writer(n)));
