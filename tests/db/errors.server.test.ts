import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { describeDatabaseError } from "../../db/errors.server.ts";
import { createTestDatabase, insertUser, type TestDatabase } from "../factories/db.ts";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The error a real failing statement throws, so the table is checked against the driver itself. */
function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the statement to fail");
}

describe("describeDatabaseError", () => {
  it("says the database is busy when another process holds the lock", async () => {
    t = await createTestDatabase();
    const holder = new SQLite(t.file);
    holder.exec("begin immediate");
    const impatient = new SQLite(t.file, { timeout: 0 });
    const error = errorOf(() => impatient.exec("begin immediate"));
    holder.exec("rollback");
    holder.close();
    impatient.close();
    expect(describeDatabaseError(error)).toEqual({
      kind: "busy",
      message: "The database is busy; please try again in a moment.",
      status: 503,
      retryable: true,
    });
  });

  it("says the database is read-only when the file cannot be written", async () => {
    t = await createTestDatabase();
    const reader = new SQLite(t.file, { readonly: true });
    const error = errorOf(() =>
      reader.prepare("insert into users (id, email, password_hash, created_at, updated_at) values ('x', 'x', 'x', 'x', 'x')").run(),
    );
    reader.close();
    expect(describeDatabaseError(error)?.message).toBe("The database is read-only right now; nothing was saved.");
  });

  it("says a duplicate is already saved, and a dangling reference no longer exists", async () => {
    t = await createTestDatabase();
    await insertUser(t.db, { id: "u1", email: "same@example.test" });
    const duplicate = await insertUser(t.db, { id: "u2", email: "same@example.test" }).catch((e: unknown) => e);
    expect(describeDatabaseError(duplicate)?.kind).toBe("duplicate");
    const dangling = await t.db
      .insertInto("sessions")
      .values({ id: "s", user_id: "nobody", created_at: "x", expires_at: "x", user_agent: null })
      .execute()
      .catch((e: unknown) => e);
    expect(describeDatabaseError(dangling)).toMatchObject({ kind: "missing_reference", status: 409 });
  });

  it("reads PostgreSQL's codes the same way, and looks inside wrapped errors", () => {
    expect(describeDatabaseError({ code: "53100" })?.message).toBe("The server's disk is full; nothing was saved.");
    expect(describeDatabaseError(new Error("saving failed", { cause: Object.assign(new Error("x"), { code: "SQLITE_BUSY_SNAPSHOT" }) }))?.kind).toBe(
      "busy",
    );
  });

  it("leaves anything that is not a database error alone", () => {
    expect(describeDatabaseError(new TypeError("x is undefined"))).toBeNull();
    expect(describeDatabaseError(Object.assign(new Error("gone"), { code: "ENOENT" }))).toBeNull();
    expect(describeDatabaseError("a string")).toBeNull();
    expect(describeDatabaseError(null)).toBeNull();
  });
});
