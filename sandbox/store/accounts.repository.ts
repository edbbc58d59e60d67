// Accounts: one per Basic credential pair. Passwords are kept as salted SHA-256, never in clear.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "./database.js";

interface AccountRow {
  id: number;
  login: string;
  password_salt: string;
  password_hash: string;
}

function hash(password: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${password}`).digest("hex");
}

export class AccountsRepository {
  constructor(private readonly db: Db) {}

  /** The account's id, or "wrong-password", or undefined when the login is unknown. */
  authenticate(login: string, password: string): number | "wrong-password" | undefined {
    const row = this.db.prepare("SELECT * FROM accounts WHERE login = ?").get(login) as
      AccountRow | undefined;
    if (row === undefined) return undefined;
    const expected = Buffer.from(row.password_hash, "hex");
    const actual = Buffer.from(hash(password, row.password_salt), "hex");
    return timingSafeEqual(expected, actual) ? row.id : "wrong-password";
  }

  insert(login: string, password: string, now: number): number {
    const salt = randomBytes(16).toString("hex");
    const result = this.db
      .prepare("INSERT INTO accounts (login, password_salt, password_hash, created) VALUES (?, ?, ?, ?)")
      .run(login, salt, hash(password, salt), now);
    return Number(result.lastInsertRowid);
  }

  setPassword(login: string, password: string): void {
    const salt = randomBytes(16).toString("hex");
    this.db
      .prepare("UPDATE accounts SET password_salt = ?, password_hash = ? WHERE login = ?")
      .run(salt, hash(password, salt), login);
  }

  idOf(login: string): number | undefined {
    const row = this.db.prepare("SELECT id FROM accounts WHERE login = ?").get(login) as
      { id: number } | undefined;
    return row?.id;
  }

  /** Whether the account has anything besides its default campaign. */
  hasData(accountId: number): boolean {
    const row = this.db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM campaigns WHERE account_id = ? AND is_default = 0)
             OR EXISTS (SELECT 1 FROM texts WHERE account_id = ?)
             OR EXISTS (SELECT 1 FROM auto_replies WHERE account_id = ?) AS found`,
      )
      .get(accountId, accountId, accountId) as { found: number };
    return row.found === 1;
  }
}
