/**
 * saveEvidence as the checklist and the routes call it: all or nothing, the checklist step kept,
 * another person's order refused, and orphaned bytes swept after an order is deleted.
 */
import { existsSync, readdirSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOrder, deleteOrder } from "../../../db/queries/orders.server.ts";
import { EvidenceError } from "../../../app/evidence/evidence-error.ts";
import { listEvidence, pruneOrphanEvidence, readEvidence, removeEvidence, saveEvidence } from "../../../app/evidence/evidence-service.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../../factories/db.ts";
import { png, tinyPdf } from "../../factories/evidence-files.ts";

let t: TestDatabase;
let dir: string;
const previousDir = process.env.EVIDENCE_DIR;

beforeEach(async () => {
  t = await createTestDatabase();
  dir = join(t.dir, "evidence-files");
  process.env.EVIDENCE_DIR = dir;
});
afterEach(async () => {
  if (previousDir === undefined) delete process.env.EVIDENCE_DIR;
  else process.env.EVIDENCE_DIR = previousDir;
  await t.close();
});

const stored = () => (existsSync(dir) ? readdirSync(dir) : []);

async function ownerAndOrder() {
  const user = await insertUser(t.db);
  const order = await createOrder(t.db, user.id, orderFields());
  return { user, order };
}

describe("saveEvidence", () => {
  it("stores files for a checklist step with a note, readable by the owner only", async () => {
    const { user, order } = await ownerAndOrder();
    const stranger = await insertUser(t.db);
    const rows = await saveEvidence(
      t.db,
      user.id,
      order.id,
      [
        { fileName: "mailbox.png", bytes: await png() },
        { fileName: "chat.pdf", bytes: tinyPdf() },
      ],
      {
        checklistStep: "photo_of_mailbox",
        note: "  Taken at 8 pm  ",
        now: new Date("2026-04-02T18:00:00Z"),
      },
    );
    expect(rows.map((r) => [r.original_name, r.checklist_step, r.note, r.uploaded_at])).toEqual([
      ["mailbox.png", "photo_of_mailbox", "Taken at 8 pm", "2026-04-02T18:00:00.000Z"],
      ["chat.pdf", "photo_of_mailbox", "Taken at 8 pm", "2026-04-02T18:00:00.000Z"],
    ]);
    expect(stored().sort()).toEqual(rows.map((r) => r.stored_name).sort());
    expect((await readEvidence(t.db, user.id, order.id, rows[1]!.id))?.bytes.equals(tinyPdf())).toBe(true);
    expect(await readEvidence(t.db, stranger.id, order.id, rows[1]!.id)).toBeNull();
    expect(await removeEvidence(t.db, stranger.id, order.id, rows[1]!.id)).toBe(false);
    expect(await listEvidence(t.db, stranger.id, order.id)).toEqual([]);
  });

  it("refuses another person's order with 404 and leaves no file behind", async () => {
    const { order } = await ownerAndOrder();
    const stranger = await insertUser(t.db);
    const attempt = saveEvidence(t.db, stranger.id, order.id, [{ fileName: "x.png", bytes: await png() }]);
    await expect(attempt).rejects.toMatchObject({ status: 404 });
    expect(stored()).toEqual([]);
  });

  it("keeps nothing when the last file of a batch is bad", async () => {
    const { user, order } = await ownerAndOrder();
    const attempt = saveEvidence(t.db, user.id, order.id, [
      { fileName: "good.png", bytes: await png() },
      { fileName: "evil.png", bytes: Buffer.from("MZ\u0090\u0000 a windows program") },
    ]);
    await expect(attempt).rejects.toThrow(EvidenceError);
    await expect(attempt).rejects.toThrow(/evil\.png.*program/);
    expect(await listEvidence(t.db, user.id, order.id)).toEqual([]);
    expect(stored()).toEqual([]);
  });

  it("refuses a note over 2000 characters before touching any file", async () => {
    const { user, order } = await ownerAndOrder();
    await expect(
      saveEvidence(t.db, user.id, order.id, [{ fileName: "a.png", bytes: await png() }], { note: "x".repeat(2001) }),
    ).rejects.toMatchObject({ status: 400 });
    expect(stored()).toEqual([]);
  });
});

describe("pruneOrphanEvidence", () => {
  it("removes the bytes of a deleted order's files once they are an hour old, and nothing else", async () => {
    const { user, order } = await ownerAndOrder();
    const other = await createOrder(t.db, user.id, orderFields({ order_number: "2" }));
    const [gone] = await saveEvidence(t.db, user.id, order.id, [{ fileName: "a.png", bytes: await png() }]);
    const [kept] = await saveEvidence(t.db, user.id, other.id, [{ fileName: "b.png", bytes: await png() }]);
    expect(await deleteOrder(t.db, user.id, order.id)).toBe(true);

    const now = new Date();
    expect(await pruneOrphanEvidence(t.db, now)).toEqual([]); // too young: may be an upload in flight
    const hourAgo = new Date(now.getTime() - 61 * 60 * 1000);
    for (const name of stored()) utimesSync(join(dir, name), hourAgo, hourAgo);
    expect(await pruneOrphanEvidence(t.db, now)).toEqual([gone!.stored_name]);
    expect(stored()).toEqual([kept!.stored_name]);
  });
});
