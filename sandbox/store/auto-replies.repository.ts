// Text auto-replies.
import type { TextAutoReply } from "../domain/callfire.types.js";
import type { Db } from "./database.js";
import { orUndefined } from "./json-column.js";
import { findPage } from "./paged-find.js";

interface AutoReplyRow {
  id: number;
  number: string | null;
  keyword: string | null;
  match: string | null;
  message: string;
}

function toAutoReply(row: AutoReplyRow): TextAutoReply {
  return {
    id: row.id,
    number: orUndefined(row.number),
    keyword: orUndefined(row.keyword),
    match: orUndefined(row.match),
    message: row.message,
  };
}

export class AutoRepliesRepository {
  constructor(private readonly db: Db) {}

  insert(accountId: number, reply: Omit<TextAutoReply, "id">, now: number): number {
    const result = this.db
      .prepare(
        "INSERT INTO auto_replies (account_id, number, keyword, match, message, created) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(accountId, reply.number ?? null, reply.keyword ?? null, reply.match ?? null, reply.message, now);
    return Number(result.lastInsertRowid);
  }

  get(accountId: number, id: number): TextAutoReply | undefined {
    const row = this.db
      .prepare("SELECT * FROM auto_replies WHERE id = ? AND account_id = ?")
      .get(id, accountId) as AutoReplyRow | undefined;
    return row === undefined ? undefined : toAutoReply(row);
  }

  find(
    accountId: number,
    number: string | undefined,
    limit: number,
    offset: number,
  ): [TextAutoReply[], number] {
    const [rows, total] = findPage<AutoReplyRow>(
      this.db,
      {
        select: "SELECT * FROM auto_replies",
        from: "auto_replies",
        where: "account_id = ? AND (? IS NULL OR number = ?)",
        params: [accountId, number ?? null, number ?? null],
        orderBy: "id",
      },
      limit,
      offset,
    );
    return [rows.map(toAutoReply), total];
  }

  all(accountId: number): TextAutoReply[] {
    const rows = this.db
      .prepare("SELECT * FROM auto_replies WHERE account_id = ? ORDER BY id")
      .all(accountId);
    return (rows as AutoReplyRow[]).map(toAutoReply);
  }

  delete(accountId: number, id: number): boolean {
    return (
      this.db.prepare("DELETE FROM auto_replies WHERE id = ? AND account_id = ?").run(id, accountId).changes >
      0
    );
  }
}
