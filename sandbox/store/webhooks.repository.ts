// Webhooks. The secret is stored to sign deliveries and never returned by the API.
import type { Db } from "./database.js";
import { fromJson, orUndefined, toJson } from "./json-column.js";
import { findPage } from "./paged-find.js";

export interface Webhook {
  id: number;
  name?: string;
  resource: string;
  events: string[];
  callback: string;
  fields?: string;
  enabled: boolean;
  nonStrictSsl: boolean;
  singleUse: boolean;
  expiresAt?: number;
  createdAt: number;
  updatedAt: number;
}

/** What the API lets a client set; `secret` only goes in. */
export type WebhookSettings = Omit<Webhook, "id" | "createdAt" | "updatedAt"> & { secret?: string };

export interface StoredWebhook extends Webhook {
  accountId: number;
  secret?: string;
}

export interface WebhookFilter {
  name?: string;
  resource?: string;
  event?: string;
  callback?: string;
  enabled?: boolean;
}

interface WebhookRow {
  id: number;
  account_id: number;
  name: string | null;
  resource: string;
  events: string;
  callback: string;
  secret: string | null;
  fields: string | null;
  enabled: number;
  non_strict_ssl: number;
  single_use: number;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}

function toWebhook(row: WebhookRow): StoredWebhook {
  return {
    id: row.id,
    accountId: row.account_id,
    name: orUndefined(row.name),
    resource: row.resource,
    events: fromJson(row.events),
    callback: row.callback,
    secret: orUndefined(row.secret),
    fields: orUndefined(row.fields),
    enabled: row.enabled === 1,
    nonStrictSsl: row.non_strict_ssl === 1,
    singleUse: row.single_use === 1,
    expiresAt: orUndefined(row.expires_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The webhook as GET /webhooks shows it: everything but the account and the secret. */
export function toPublicWebhook({
  accountId: _account,
  secret: _secret,
  ...webhook
}: StoredWebhook): Webhook {
  return webhook;
}

function values(settings: WebhookSettings) {
  return [
    settings.name ?? null,
    settings.resource,
    toJson(settings.events),
    settings.callback,
    settings.secret ?? null,
    settings.fields ?? null,
    settings.enabled ? 1 : 0,
    settings.nonStrictSsl ? 1 : 0,
    settings.singleUse ? 1 : 0,
    settings.expiresAt ?? null,
  ];
}

export class WebhooksRepository {
  constructor(private readonly db: Db) {}

  insert(accountId: number, settings: WebhookSettings, now: number): number {
    const result = this.db
      .prepare(
        `INSERT INTO webhooks (name, resource, events, callback, secret, fields, enabled, non_strict_ssl, single_use,
           expires_at, account_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...values(settings), accountId, now, now);
    return Number(result.lastInsertRowid);
  }

  /** Replaces every setting (PUT); the stored secret stays when the update gives none. */
  update(accountId: number, id: number, settings: WebhookSettings, now: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE webhooks SET name = ?, resource = ?, events = ?, callback = ?, secret = COALESCE(?, secret),
             fields = ?, enabled = ?, non_strict_ssl = ?, single_use = ?, expires_at = ?, updated_at = ?
           WHERE account_id = ? AND id = ?`,
        )
        .run(...values(settings), now, accountId, id).changes > 0
    );
  }

  get(accountId: number, id: number): StoredWebhook | undefined {
    const row = this.db
      .prepare("SELECT * FROM webhooks WHERE account_id = ? AND id = ?")
      .get(accountId, id) as WebhookRow | undefined;
    return row === undefined ? undefined : toWebhook(row);
  }

  find(accountId: number, filter: WebhookFilter, limit: number, offset: number): [StoredWebhook[], number] {
    const where = ["account_id = ?"];
    const params: (string | number)[] = [accountId];
    const equal: [keyof WebhookFilter, string][] = [
      ["name", "name"],
      ["resource", "resource"],
      ["callback", "callback"],
    ];
    for (const [key, column] of equal) {
      const value = filter[key];
      if (typeof value === "string") {
        where.push(`${column} = ?`);
        params.push(value);
      }
    }
    if (filter.event !== undefined) {
      where.push("EXISTS (SELECT 1 FROM json_each(events) WHERE value = ?)");
      params.push(filter.event);
    }
    if (filter.enabled !== undefined) {
      where.push("enabled = ?");
      params.push(filter.enabled ? 1 : 0);
    }
    const [rows, total] = findPage<WebhookRow>(
      this.db,
      {
        select: "SELECT * FROM webhooks",
        from: "webhooks",
        where: where.join(" AND "),
        params,
        orderBy: "id",
      },
      limit,
      offset,
    );
    return [rows.map(toWebhook), total];
  }

  /** The account's enabled webhooks that fire on this event. */
  listening(accountId: number, resource: string, event: string): StoredWebhook[] {
    return this.find(accountId, { resource, event, enabled: true }, Number.MAX_SAFE_INTEGER, 0)[0];
  }

  delete(accountId: number, id: number): boolean {
    return (
      this.db.prepare("DELETE FROM webhooks WHERE account_id = ? AND id = ?").run(accountId, id).changes > 0
    );
  }
}
