// Batches and the recipients they hold. A recipient row links to its text once one has been created.
import type { Batch, BatchStatus, Media } from "../domain/callfire.types.js";
import type { Db } from "./database.js";
import { fromJson, orUndefined, toJson } from "./json-column.js";
import { findPage } from "./paged-find.js";

export interface BatchRecord {
  id: number;
  campaignId: number;
  enabled: boolean;
}

export interface StoredRecipient {
  phoneNumber: string;
  valid: boolean;
  contactId?: number;
  fromNumber?: string;
  message?: string;
  attributes: Record<string, string>;
  media: Media[];
}

export interface PendingRecipient extends StoredRecipient {
  id: number;
  batchId: number;
}

interface BatchRow {
  id: number;
  campaign_id: number;
  name: string | null;
  status: BatchStatus;
  enabled: number;
  created: number;
  size: number;
  remaining: number;
}

interface RecipientRow {
  id: number;
  batch_id: number;
  phone_number: string;
  valid: number;
  contact_id: number | null;
  from_number: string | null;
  message: string | null;
  attributes: string;
  media: string;
}

// Remaining = contacts not texted yet: valid recipients without a text, plus texts still waiting or disabled.
const BATCH_SELECT = `
  SELECT b.*,
    (SELECT COUNT(*) FROM batch_recipients r WHERE r.batch_id = b.id) AS size,
    (SELECT COUNT(*) FROM batch_recipients r WHERE r.batch_id = b.id AND r.text_id IS NULL AND r.valid = 1)
      + (SELECT COUNT(*) FROM texts t WHERE t.batch_id = b.id AND t.state IN ('READY', 'SELECTED', 'DISABLED'))
      AS remaining
  FROM batches b`;

function toBatch(row: BatchRow): Batch {
  return {
    id: row.id,
    name: orUndefined(row.name),
    status: row.status,
    broadcastId: row.campaign_id,
    created: row.created,
    size: row.size,
    remaining: row.remaining,
    enabled: row.enabled === 1,
  };
}

export class BatchesRepository {
  constructor(private readonly db: Db) {}

  insert(
    accountId: number,
    campaignId: number,
    name: string,
    recipients: StoredRecipient[],
    now: number,
  ): number {
    const status: BatchStatus = recipients.every((r) => r.valid) ? "ACTIVE" : "ERRORS";
    const result = this.db
      .prepare(
        "INSERT INTO batches (account_id, campaign_id, name, status, enabled, created) VALUES (?, ?, ?, ?, 1, ?)",
      )
      .run(accountId, campaignId, name, status, now);
    const batchId = Number(result.lastInsertRowid);
    const insertRecipient = this.db.prepare(
      `INSERT INTO batch_recipients (batch_id, phone_number, valid, contact_id, from_number, message, attributes, media)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of recipients) {
      insertRecipient.run(
        batchId,
        r.phoneNumber,
        r.valid ? 1 : 0,
        r.contactId ?? null,
        r.fromNumber ?? null,
        r.message ?? null,
        toJson(r.attributes),
        toJson(r.media),
      );
    }
    return batchId;
  }

  get(accountId: number, id: number): Batch | undefined {
    const row = this.db.prepare(`${BATCH_SELECT} WHERE b.id = ? AND b.account_id = ?`).get(id, accountId) as
      BatchRow | undefined;
    return row === undefined ? undefined : toBatch(row);
  }

  record(accountId: number, id: number): BatchRecord | undefined {
    const row = this.db
      .prepare("SELECT id, campaign_id, enabled FROM batches WHERE id = ? AND account_id = ?")
      .get(id, accountId) as { id: number; campaign_id: number; enabled: number } | undefined;
    return row === undefined
      ? undefined
      : { id: row.id, campaignId: row.campaign_id, enabled: row.enabled === 1 };
  }

  listByCampaign(campaignId: number, limit: number, offset: number): [Batch[], number] {
    const [rows, total] = findPage<BatchRow>(
      this.db,
      {
        select: BATCH_SELECT,
        from: "batches b",
        where: "b.campaign_id = ?",
        params: [campaignId],
        orderBy: "b.id",
      },
      limit,
      offset,
    );
    return [rows.map(toBatch), total];
  }

  setEnabled(id: number, enabled: boolean): void {
    this.db.prepare("UPDATE batches SET enabled = ? WHERE id = ?").run(enabled ? 1 : 0, id);
  }

  /** Recipients of the campaign's enabled batches that have no text yet, in the order they were added. */
  pending(campaignId: number, batchId?: number): PendingRecipient[] {
    const rows = this.db
      .prepare(
        `SELECT r.* FROM batch_recipients r JOIN batches b ON b.id = r.batch_id
         WHERE b.campaign_id = ? AND b.enabled = 1 AND r.text_id IS NULL AND (? IS NULL OR b.id = ?)
         ORDER BY r.id`,
      )
      .all(campaignId, batchId ?? null, batchId ?? null) as RecipientRow[];
    return rows.map((row) => ({
      id: row.id,
      batchId: row.batch_id,
      phoneNumber: row.phone_number,
      valid: row.valid === 1,
      contactId: orUndefined(row.contact_id),
      fromNumber: orUndefined(row.from_number),
      message: orUndefined(row.message),
      attributes: fromJson(row.attributes),
      media: fromJson(row.media),
    }));
  }

  hasPending(campaignId: number): boolean {
    const row = this.db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM batch_recipients r JOIN batches b ON b.id = r.batch_id
           WHERE b.campaign_id = ? AND b.enabled = 1 AND r.text_id IS NULL) AS found`,
      )
      .get(campaignId) as { found: number };
    return row.found === 1;
  }

  linkText(recipientId: number, textId: number): void {
    this.db.prepare("UPDATE batch_recipients SET text_id = ? WHERE id = ?").run(textId, recipientId);
  }
}
