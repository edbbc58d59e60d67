// Opens the sandbox's SQLite database and creates its schema. IDs come from AUTOINCREMENT sequences that
// start at CallFire-like magnitudes, so ids look real and never repeat within a table.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  login TEXT NOT NULL UNIQUE,
  password_salt TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS campaigns (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  is_default INTEGER NOT NULL DEFAULT 0,
  name TEXT,
  status TEXT NOT NULL,
  from_number TEXT NOT NULL,
  message TEXT,
  big_message_strategy TEXT,
  labels TEXT NOT NULL DEFAULT '[]',
  local_time_restriction TEXT NOT NULL,
  max_active INTEGER,
  resume_next_day INTEGER NOT NULL DEFAULT 0,
  media TEXT NOT NULL DEFAULT '[]',
  created INTEGER NOT NULL,
  last_modified INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS campaigns_by_account ON campaigns(account_id, is_default, status);
CREATE TABLE IF NOT EXISTS schedules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  schedule TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS schedules_by_campaign ON schedules(campaign_id);
CREATE TABLE IF NOT EXISTS batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  name TEXT,
  status TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS batches_by_campaign ON batches(campaign_id);
CREATE TABLE IF NOT EXISTS batch_recipients (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  phone_number TEXT NOT NULL,
  valid INTEGER NOT NULL,
  contact_id INTEGER,
  from_number TEXT,
  message TEXT,
  attributes TEXT NOT NULL DEFAULT '{}',
  media TEXT NOT NULL DEFAULT '[]',
  text_id INTEGER
);
CREATE INDEX IF NOT EXISTS batch_recipients_pending ON batch_recipients(batch_id, text_id);
CREATE TABLE IF NOT EXISTS contacts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  home_phone TEXT NOT NULL,
  UNIQUE (account_id, home_phone)
);
CREATE TABLE IF NOT EXISTS texts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  campaign_id INTEGER REFERENCES campaigns(id),
  batch_id INTEGER REFERENCES batches(id),
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  from_number TEXT NOT NULL,
  to_number TEXT NOT NULL,
  number_valid INTEGER NOT NULL DEFAULT 1,
  inbound INTEGER NOT NULL,
  state TEXT NOT NULL,
  message TEXT,
  final_result TEXT,
  labels TEXT NOT NULL DEFAULT '[]',
  attributes TEXT NOT NULL DEFAULT '{}',
  media TEXT NOT NULL DEFAULT '[]',
  immediate INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS texts_by_account ON texts(account_id, created, id);
CREATE INDEX IF NOT EXISTS texts_by_campaign ON texts(campaign_id, state);
CREATE INDEX IF NOT EXISTS texts_by_state ON texts(state);
CREATE TABLE IF NOT EXISTS text_records (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  text_id INTEGER NOT NULL REFERENCES texts(id),
  billed_amount REAL NOT NULL,
  finish_time INTEGER NOT NULL,
  message TEXT,
  text_result TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS text_records_by_text ON text_records(text_id);
CREATE TABLE IF NOT EXISTS auto_replies (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  number TEXT,
  keyword TEXT,
  match TEXT,
  message TEXT NOT NULL,
  created INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS webhooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  name TEXT,
  resource TEXT NOT NULL,
  events TEXT NOT NULL,
  callback TEXT NOT NULL,
  secret TEXT,
  fields TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  non_strict_ssl INTEGER NOT NULL DEFAULT 0,
  single_use INTEGER NOT NULL DEFAULT 0,
  expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhooks_by_account ON webhooks(account_id, resource);
`;

/** First ids per table, in the ranges real CallFire ids live in. */
const ID_BASES: Record<string, number> = {
  accounts: 1_044_000,
  campaigns: 11_646_003_000,
  schedules: 4_215_000_000,
  batches: 12_246_000_000,
  batch_recipients: 1,
  contacts: 122_460_000_000,
  texts: 13_163_667_000,
  text_records: 10_310_000_000,
  auto_replies: 5_150_000_000,
  webhooks: 4_321_000,
};

export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.exec(SCHEMA);
  const setBase = db.prepare(
    "INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)",
  );
  db.transaction(() => {
    for (const [table, base] of Object.entries(ID_BASES)) setBase.run(table, base, table);
  })();
  cachePreparedStatements(db);
  return db;
}

/**
 * Repositories call db.prepare(sql) on every query; compiling the SQL each time was the sandbox's largest
 * CPU cost under load. The same SQL text now reuses its compiled statement (a statement is reusable once
 * its previous run finished, which holds for better-sqlite3's synchronous API). The SQL texts are a
 * fixed set plus filter combinations, so the cache stays small; the bound is a guard.
 */
function cachePreparedStatements(db: Db, maxStatements = 500): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= maxStatements) statements.clear();
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as Db["prepare"];
}
