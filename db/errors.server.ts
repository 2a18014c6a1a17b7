/**
 * Database failures a person can meet (a busy or full disk, a read-only file, a duplicate) turned
 * into sentences a route or the CLI can show as they are. Codes are better-sqlite3's SQLite codes,
 * plus PostgreSQL's SQLSTATEs for the day DATABASE_URL points there (DESIGN.md).
 */

export type DatabaseErrorKind = "busy" | "full" | "readonly" | "duplicate" | "missing_reference" | "invalid" | "corrupt" | "unavailable";

export interface DatabaseErrorDescription {
  kind: DatabaseErrorKind;
  /** A plain sentence for the person; says whether anything was saved. */
  message: string;
  /** The HTTP status a route should answer with. */
  status: number;
  /** Worth retrying the same request later unchanged. */
  retryable: boolean;
}

const DESCRIPTIONS: Record<DatabaseErrorKind, Omit<DatabaseErrorDescription, "kind">> = {
  busy: { message: "The database is busy; please try again in a moment.", status: 503, retryable: true },
  full: { message: "The server's disk is full; nothing was saved.", status: 507, retryable: true },
  readonly: { message: "The database is read-only right now; nothing was saved.", status: 503, retryable: true },
  duplicate: { message: "That is already saved; nothing was changed.", status: 409, retryable: false },
  missing_reference: { message: "That refers to something that no longer exists; nothing was saved.", status: 409, retryable: false },
  invalid: { message: "That value cannot be stored; nothing was saved.", status: 400, retryable: false },
  corrupt: { message: "The database file is damaged; restore it from a backup.", status: 500, retryable: false },
  unavailable: { message: "The database cannot be reached right now; please try again in a moment.", status: 503, retryable: true },
};

/** Matched exactly first, then by the primary SQLite code. */
const KIND_OF_CODE: Record<string, DatabaseErrorKind> = {
  // SQLite primary codes (extended codes such as SQLITE_BUSY_SNAPSHOT fall back to these).
  SQLITE_BUSY: "busy",
  SQLITE_LOCKED: "busy",
  SQLITE_FULL: "full",
  SQLITE_READONLY: "readonly",
  SQLITE_CONSTRAINT_UNIQUE: "duplicate",
  SQLITE_CONSTRAINT_PRIMARYKEY: "duplicate",
  SQLITE_CONSTRAINT_FOREIGNKEY: "missing_reference",
  SQLITE_CONSTRAINT: "invalid",
  SQLITE_TOOBIG: "invalid",
  SQLITE_MISMATCH: "invalid",
  SQLITE_CORRUPT: "corrupt",
  SQLITE_NOTADB: "corrupt",
  SQLITE_CANTOPEN: "unavailable",
  SQLITE_IOERR: "unavailable",
  // PostgreSQL SQLSTATEs.
  "55P03": "busy", // lock_not_available
  "40001": "busy", // serialization_failure
  "40P01": "busy", // deadlock_detected
  "53100": "full", // disk_full
  "25006": "readonly", // read_only_sql_transaction
  "23505": "duplicate", // unique_violation
  "23503": "missing_reference", // foreign_key_violation
  "23502": "invalid", // not_null_violation
  "23514": "invalid", // check_violation
  "57P03": "unavailable", // cannot_connect_now
};

function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

/** The kind of a database error by its code, or null when the error is not a known database one. */
function kindOf(code: string): DatabaseErrorKind | null {
  if (code in KIND_OF_CODE) return KIND_OF_CODE[code];
  // SQLITE_IOERR_WRITE → SQLITE_IOERR, SQLITE_CONSTRAINT_CHECK → SQLITE_CONSTRAINT, …
  const primary = code.match(/^SQLITE_[A-Z]+/)?.[0];
  if (primary && primary in KIND_OF_CODE) return KIND_OF_CODE[primary];
  return null;
}

/**
 * Describes a database error for a person, or returns null for anything else (a bug stays a bug and
 * goes to the error boundary). Looks through `cause` chains, since wrappers keep the original there.
 */
export function describeDatabaseError(error: unknown): DatabaseErrorDescription | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = errorCode(current);
    const kind = code ? kindOf(code) : null;
    if (kind) return { kind, ...DESCRIPTIONS[kind] };
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
