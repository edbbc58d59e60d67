// Contacts: the server finds or creates one per phone number, as CallFire does for recipients.
import type { Db } from "./database.js";

export interface ContactRecord {
  id: number;
  homePhone: string;
}

export class ContactsRepository {
  constructor(private readonly db: Db) {}

  findOrCreate(accountId: number, phone: string): ContactRecord {
    this.db
      .prepare("INSERT OR IGNORE INTO contacts (account_id, home_phone) VALUES (?, ?)")
      .run(accountId, phone);
    const row = this.db
      .prepare("SELECT id FROM contacts WHERE account_id = ? AND home_phone = ?")
      .get(accountId, phone) as { id: number };
    return { id: row.id, homePhone: phone };
  }

  get(accountId: number, id: number): ContactRecord | undefined {
    const row = this.db
      .prepare("SELECT id, home_phone FROM contacts WHERE id = ? AND account_id = ?")
      .get(id, accountId) as { id: number; home_phone: string } | undefined;
    return row === undefined ? undefined : { id: row.id, homePhone: row.home_phone };
  }
}
