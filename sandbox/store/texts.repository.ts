// Texts (outbound and inbound actions) and their delivery records.
import type {
  BigMessageStrategy,
  Media,
  Text,
  TextRecord,
  TextResult,
  TextState,
} from "../domain/callfire.types.js";
import type { Db } from "./database.js";
import { fromJson, nonEmpty, orUndefined, toJson } from "./json-column.js";
import { findPage } from "./paged-find.js";

export interface NewText {
  campaignId?: number;
  batchId?: number;
  contactId: number;
  fromNumber: string;
  toNumber: string;
  /** False for a malformed number that skipped validation: the simulated carrier rejects it. */
  numberValid: boolean;
  inbound: boolean;
  state: TextState;
  message?: string;
  labels: string[];
  attributes: Record<string, string>;
  media: Media[];
  /** Sent at once (POST /texts, auto-replies) instead of when its broadcast runs. */
  immediate: boolean;
  created: number;
}

export interface TextFilter {
  ids?: number[];
  campaignId?: number;
  batchId?: number;
  fromNumber?: string;
  toNumber?: string;
  label?: string;
  states?: TextState[];
  results?: TextResult[];
  inbound?: boolean;
  intervalBegin?: number;
  intervalEnd?: number;
}

/** A text the simulator is about to finish. */
export interface InFlightText {
  id: number;
  accountId: number;
  toNumber: string;
  numberValid: boolean;
  message: string;
  bigMessageStrategy: BigMessageStrategy;
}

export interface ReadyText {
  id: number;
  campaignId: number;
  maxActive?: number;
}

export interface StatsRow {
  state: TextState;
  result: TextResult | null;
  count: number;
  billed: number;
}

interface TextRow {
  id: number;
  campaign_id: number | null;
  batch_id: number | null;
  contact_id: number;
  home_phone: string;
  from_number: string;
  to_number: string;
  inbound: number;
  state: TextState;
  message: string | null;
  final_result: TextResult | null;
  labels: string;
  attributes: string;
  media: string;
  created: number;
  modified: number;
  records: string;
}

const TEXT_SELECT = `
  SELECT t.*, c.home_phone,
    (SELECT json_group_array(json_object('id', r.id, 'billedAmount', r.billed_amount, 'finishTime', r.finish_time,
                                         'message', r.message, 'textResult', r.text_result))
       FROM (SELECT * FROM text_records WHERE text_id = t.id ORDER BY id) r) AS records
  FROM texts t JOIN contacts c ON c.id = t.contact_id`;

function toText(row: TextRow): Text {
  return {
    id: row.id,
    fromNumber: row.from_number,
    toNumber: row.to_number,
    campaignId: orUndefined(row.campaign_id),
    batchId: orUndefined(row.batch_id),
    contact: { id: row.contact_id, homePhone: row.home_phone },
    inbound: row.inbound === 1,
    created: row.created,
    modified: row.modified,
    state: row.state,
    labels: nonEmpty(fromJson<string[]>(row.labels)),
    attributes: nonEmpty(fromJson<Record<string, string>>(row.attributes)),
    records: nonEmpty(fromJson<TextRecord[]>(row.records)),
    message: orUndefined(row.message),
    finalTextResult: orUndefined(row.final_result),
    media: nonEmpty(fromJson<Media[]>(row.media)),
  };
}

export class TextsRepository {
  constructor(private readonly db: Db) {}

  insert(accountId: number, text: NewText): number {
    const result = this.db
      .prepare(
        `INSERT INTO texts (account_id, campaign_id, batch_id, contact_id, from_number, to_number, number_valid, inbound,
           state, message, labels, attributes, media, immediate, created, modified)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        accountId,
        text.campaignId ?? null,
        text.batchId ?? null,
        text.contactId,
        text.fromNumber,
        text.toNumber,
        text.numberValid ? 1 : 0,
        text.inbound ? 1 : 0,
        text.state,
        text.message ?? null,
        toJson(text.labels),
        toJson(text.attributes),
        toJson(text.media),
        text.immediate ? 1 : 0,
        text.created,
        text.created,
      );
    return Number(result.lastInsertRowid);
  }

  get(accountId: number, id: number): Text | undefined {
    const row = this.db.prepare(`${TEXT_SELECT} WHERE t.id = ? AND t.account_id = ?`).get(id, accountId) as
      TextRow | undefined;
    return row === undefined ? undefined : toText(row);
  }

  getMany(ids: number[]): Text[] {
    const rows = this.db
      .prepare(`${TEXT_SELECT} WHERE t.id IN (SELECT value FROM json_each(?)) ORDER BY t.id`)
      .all(JSON.stringify(ids)) as TextRow[];
    return rows.map(toText);
  }

  /** Newest first, as CallFire lists texts. */
  find(accountId: number, filter: TextFilter, limit: number, offset: number): [Text[], number] {
    const where = ["t.account_id = ?"];
    const params: unknown[] = [accountId];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (filter.ids !== undefined) add("t.id IN (SELECT value FROM json_each(?))", JSON.stringify(filter.ids));
    if (filter.campaignId !== undefined) add("t.campaign_id = ?", filter.campaignId);
    if (filter.batchId !== undefined) add("t.batch_id = ?", filter.batchId);
    if (filter.fromNumber !== undefined) add("t.from_number = ?", filter.fromNumber);
    if (filter.toNumber !== undefined) add("t.to_number = ?", filter.toNumber);
    if (filter.label !== undefined)
      add("EXISTS (SELECT 1 FROM json_each(t.labels) WHERE value = ?)", filter.label);
    if (filter.states !== undefined)
      add("t.state IN (SELECT value FROM json_each(?))", JSON.stringify(filter.states));
    if (filter.results !== undefined) {
      add("t.final_result IN (SELECT value FROM json_each(?))", JSON.stringify(filter.results));
    }
    if (filter.inbound !== undefined) add("t.inbound = ?", filter.inbound ? 1 : 0);
    if (filter.intervalBegin !== undefined) add("t.created >= ?", filter.intervalBegin);
    if (filter.intervalEnd !== undefined) add("t.created <= ?", filter.intervalEnd);
    const [rows, total] = findPage<TextRow>(
      this.db,
      {
        select: TEXT_SELECT,
        from: "texts t",
        where: where.join(" AND "),
        params,
        orderBy: "t.created DESC, t.id DESC",
      },
      limit,
      offset,
    );
    return [rows.map(toText), total];
  }

  numbersInCampaign(campaignId: number): Set<string> {
    const rows = this.db
      .prepare("SELECT DISTINCT to_number FROM texts WHERE campaign_id = ?")
      .all(campaignId) as {
      to_number: string;
    }[];
    return new Set(rows.map((row) => row.to_number));
  }

  inFlight(accountId?: number): InFlightText[] {
    return this.db
      .prepare(
        `SELECT t.id, t.account_id AS accountId, t.to_number AS toNumber, t.number_valid AS numberValid, COALESCE(t.message, '') AS message,
                COALESCE(c.big_message_strategy, 'SEND_MULTIPLE') AS bigMessageStrategy
         FROM texts t LEFT JOIN campaigns c ON c.id = t.campaign_id
         WHERE t.state = 'SELECTED' AND (? IS NULL OR t.account_id = ?) ORDER BY t.id`,
      )
      .all(accountId ?? null, accountId ?? null)
      .map((row) => ({
        ...(row as InFlightText),
        numberValid: (row as { numberValid: number }).numberValid === 1,
      }));
  }

  /** READY texts whose campaign lets them go now, oldest first. */
  readyToSend(accountId?: number): ReadyText[] {
    const rows = this.db
      .prepare(
        `SELECT t.id, t.campaign_id, c.max_active FROM texts t JOIN campaigns c ON c.id = t.campaign_id
         WHERE t.state = 'READY' AND (t.immediate = 1 OR c.status = 'RUNNING') AND (? IS NULL OR t.account_id = ?)
         ORDER BY t.id`,
      )
      .all(accountId ?? null, accountId ?? null) as {
      id: number;
      campaign_id: number;
      max_active: number | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      campaignId: row.campaign_id,
      maxActive: orUndefined(row.max_active),
    }));
  }

  hasUnfinished(campaignId: number): boolean {
    const row = this.db
      .prepare(
        "SELECT EXISTS (SELECT 1 FROM texts WHERE campaign_id = ? AND state IN ('READY', 'SELECTED')) AS found",
      )
      .get(campaignId) as { found: number };
    return row.found === 1;
  }

  hasReady(campaignId: number): boolean {
    const row = this.db
      .prepare("SELECT EXISTS (SELECT 1 FROM texts WHERE campaign_id = ? AND state = 'READY') AS found")
      .get(campaignId) as { found: number };
    return row.found === 1;
  }

  setState(id: number, state: TextState, now: number): void {
    this.db.prepare("UPDATE texts SET state = ?, modified = ? WHERE id = ?").run(state, now, id);
  }

  /** Finishes a text with its result; `billed` is undefined when no delivery was attempted. */
  finish(id: number, result: TextResult, now: number, attempt?: { billed: number; message: string }): void {
    this.db
      .prepare("UPDATE texts SET state = 'FINISHED', final_result = ?, modified = ? WHERE id = ?")
      .run(result, now, id);
    if (attempt !== undefined) {
      this.db
        .prepare(
          "INSERT INTO text_records (text_id, billed_amount, finish_time, message, text_result) VALUES (?, ?, ?, ?, ?)",
        )
        .run(id, attempt.billed, now, attempt.message, result);
    }
  }

  /** Texts of the campaign still waiting when it is archived: they will never be sent. */
  markUndialed(campaignId: number, now: number): void {
    this.db
      .prepare(
        `UPDATE texts SET state = 'FINISHED', final_result = 'UNDIALED', modified = ?
         WHERE campaign_id = ? AND state IN ('READY', 'SELECTED', 'DISABLED')`,
      )
      .run(now, campaignId);
  }

  /** Moves the campaign's texts for these numbers or contacts from one state to the other; returns how many. */
  toggle(
    campaignId: number,
    numbers: string[],
    contactIds: number[],
    from: TextState,
    to: TextState,
    now: number,
  ) {
    return this.db
      .prepare(
        `UPDATE texts SET state = ?, modified = ? WHERE campaign_id = ? AND state = ?
           AND (to_number IN (SELECT value FROM json_each(?)) OR contact_id IN (SELECT value FROM json_each(?)))`,
      )
      .run(to, now, campaignId, from, JSON.stringify(numbers), JSON.stringify(contactIds)).changes;
  }

  setBatchState(batchId: number, from: TextState, to: TextState, now: number): void {
    this.db
      .prepare("UPDATE texts SET state = ?, modified = ? WHERE batch_id = ? AND state = ?")
      .run(to, now, batchId, from);
  }

  stats(campaignId: number, begin?: number, end?: number): StatsRow[] {
    return this.db
      .prepare(
        `SELECT t.state, t.final_result AS result, COUNT(*) AS count,
                COALESCE(SUM((SELECT SUM(billed_amount) FROM text_records r WHERE r.text_id = t.id)), 0) AS billed
         FROM texts t
         WHERE t.campaign_id = ? AND t.inbound = 0 AND (? IS NULL OR t.created >= ?) AND (? IS NULL OR t.created <= ?)
         GROUP BY t.state, t.final_result`,
      )
      .all(campaignId, begin ?? null, begin ?? null, end ?? null, end ?? null) as StatsRow[];
  }
}
