// A second process that takes the database's write lock, writes a row, holds the lock for the
// given milliseconds, then commits. Prints "locked" once it holds the lock.
import SQLite from "better-sqlite3";

const [file, ms] = process.argv.slice(2);
const db = new SQLite(file, { timeout: 5000 });
db.exec("begin immediate");
const at = new Date().toISOString();
db.prepare("insert into users (id, email, password_hash, time_zone, created_at, updated_at) values (?, ?, 'x', 'UTC', ?, ?)").run(
  "lock-holder",
  "lock-holder@example.test",
  at,
  at,
);
process.stdout.write("locked\n");
setTimeout(() => {
  db.exec("commit");
  db.close();
  process.stdout.write("released\n");
}, Number(ms));
