// A second process that commits one user row after another until it is killed, printing each
// committed id (an acknowledged write) on its own line.
import SQLite from "better-sqlite3";

const [file] = process.argv.slice(2);
const db = new SQLite(file, { timeout: 5000 });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
const insert = db.prepare("insert into users (id, email, password_hash, time_zone, created_at, updated_at) values (?, ?, 'x', 'UTC', ?, ?)");
let n = 0;
function writeSome() {
  for (let i = 0; i < 20; i++) {
    const id = `writer-${String(n++).padStart(6, "0")}`;
    const at = new Date().toISOString();
    insert.run(id, `${id}@example.test`, at, at);
    process.stdout.write(id + "\n");
  }
  setImmediate(writeSome);
}
writeSome();
