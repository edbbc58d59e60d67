// Campaigns: the account's text broadcasts plus its hidden default campaign (the one POST /texts uses).
import type {
  BigMessageStrategy,
  BroadcastStatus,
  LocalTimeRestriction,
  Media,
  Schedule,
  ScheduleInput,
  TextBroadcast,
} from "../domain/callfire.types.js";
import type { Db } from "./database.js";
import { fromJson, nonEmpty, orUndefined, toJson } from "./json-column.js";
import { findPage } from "./paged-find.js";

export const DEFAULT_FROM_NUMBER = "67076";

interface CampaignRow {
  id: number;
  account_id: number;
  is_default: number;
  name: string | null;
  status: BroadcastStatus;
  from_number: string;
  message: string | null;
  big_message_strategy: BigMessageStrategy | null;
  labels: string;
  local_time_restriction: string;
  max_active: number | null;
  resume_next_day: number;
  media: string;
  created: number;
  last_modified: number;
}

export interface Campaign {
  id: number;
  accountId: number;
  isDefault: boolean;
  name?: string;
  status: BroadcastStatus;
  fromNumber: string;
  message?: string;
  /** Unset means CallFire's default, SEND_MULTIPLE; CallFire leaves it out of the JSON then. */
  bigMessageStrategy?: BigMessageStrategy;
  labels: string[];
  localTimeRestriction: LocalTimeRestriction;
  schedules: Schedule[];
  maxActive?: number;
  resumeNextDay: boolean;
  media: Media[];
  created: number;
  lastModified: number;
}

/** The fields a create or update may set. */
export type CampaignSettings = Partial<
  Pick<
    Campaign,
    | "name"
    | "fromNumber"
    | "message"
    | "bigMessageStrategy"
    | "labels"
    | "localTimeRestriction"
    | "maxActive"
    | "resumeNextDay"
    | "media"
  > & { schedules: ScheduleInput[] }
>;

export interface BroadcastFilter {
  name?: string;
  label?: string;
  running?: boolean;
  scheduled?: boolean;
  intervalBegin?: number;
  intervalEnd?: number;
}

function toCampaign(row: CampaignRow, schedules: Schedule[]): Campaign {
  return {
    id: row.id,
    accountId: row.account_id,
    isDefault: row.is_default === 1,
    name: orUndefined(row.name),
    status: row.status,
    fromNumber: row.from_number,
    message: orUndefined(row.message),
    bigMessageStrategy: orUndefined(row.big_message_strategy),
    labels: fromJson(row.labels),
    localTimeRestriction: fromJson(row.local_time_restriction),
    schedules,
    maxActive: orUndefined(row.max_active),
    resumeNextDay: row.resume_next_day === 1,
    media: fromJson(row.media),
    created: row.created,
    lastModified: row.last_modified,
  };
}

export function toTextBroadcast(campaign: Campaign): TextBroadcast {
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    lastModified: campaign.lastModified,
    fromNumber: campaign.fromNumber,
    localTimeRestriction: campaign.localTimeRestriction,
    schedules: nonEmpty(campaign.schedules),
    maxActive: campaign.maxActive,
    labels: nonEmpty(campaign.labels),
    message: campaign.message,
    bigMessageStrategy: campaign.bigMessageStrategy,
    media: nonEmpty(campaign.media),
    resumeNextDay: campaign.resumeNextDay,
  };
}

type ColumnSetting = Exclude<keyof CampaignSettings, "schedules">;

const COLUMNS: Record<ColumnSetting, (value: never) => unknown> = {
  name: (v: string) => v,
  fromNumber: (v: string) => v,
  message: (v: string) => v,
  bigMessageStrategy: (v: string) => v,
  labels: (v: string[]) => toJson(v),
  localTimeRestriction: (v: LocalTimeRestriction) => toJson(v),
  maxActive: (v: number) => v,
  resumeNextDay: (v: boolean) => (v ? 1 : 0),
  media: (v: Media[]) => toJson(v),
};

const COLUMN_NAMES: Record<ColumnSetting, string> = {
  name: "name",
  fromNumber: "from_number",
  message: "message",
  bigMessageStrategy: "big_message_strategy",
  labels: "labels",
  localTimeRestriction: "local_time_restriction",
  maxActive: "max_active",
  resumeNextDay: "resume_next_day",
  media: "media",
};

export class CampaignsRepository {
  constructor(private readonly db: Db) {}

  insert(accountId: number, isDefault: boolean, settings: CampaignSettings, now: number): number {
    const result = this.db
      .prepare(
        `INSERT INTO campaigns (account_id, is_default, name, status, from_number, message, big_message_strategy,
           labels, local_time_restriction, max_active, resume_next_day, media, created, last_modified)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        accountId,
        isDefault ? 1 : 0,
        settings.name ?? null,
        isDefault ? "RUNNING" : "SETUP",
        settings.fromNumber ?? DEFAULT_FROM_NUMBER,
        settings.message ?? null,
        settings.bigMessageStrategy ?? null,
        toJson(settings.labels ?? []),
        toJson(settings.localTimeRestriction ?? { enabled: false }),
        settings.maxActive ?? null,
        settings.resumeNextDay === true ? 1 : 0,
        toJson(settings.media ?? []),
        now,
        now,
      );
    const id = Number(result.lastInsertRowid);
    if (settings.schedules !== undefined) this.replaceSchedules(id, settings.schedules);
    return id;
  }

  /**
   * The broadcast's schedules become the given list. A schedule sent back with the id the server gave it
   * keeps that id (clients update by reading, changing and writing back); any other gets a new one.
   */
  private replaceSchedules(campaignId: number, schedules: ScheduleInput[]): void {
    const current = new Set(this.schedules(campaignId).map((schedule) => schedule.id));
    const kept = schedules.flatMap(({ id }) => (id !== undefined && current.has(id) ? [id] : []));
    for (const id of current) {
      if (!kept.includes(id)) this.db.prepare("DELETE FROM schedules WHERE id = ?").run(id);
    }
    for (const { id, ...given } of schedules) {
      // campaignId is the server's to set: only the schedule's own fields are stored.
      const { startDate, stopDate, startTimeOfDay, stopTimeOfDay, daysOfWeek, timeZone } = given;
      const schedule = { startDate, stopDate, startTimeOfDay, stopTimeOfDay, daysOfWeek, timeZone };
      if (id !== undefined && kept.includes(id)) {
        this.db.prepare("UPDATE schedules SET schedule = ? WHERE id = ?").run(toJson(schedule), id);
      } else {
        this.db
          .prepare("INSERT INTO schedules (campaign_id, schedule) VALUES (?, ?)")
          .run(campaignId, toJson(schedule));
      }
    }
  }

  private schedules(campaignId: number): Schedule[] {
    const rows = this.db
      .prepare("SELECT id, schedule FROM schedules WHERE campaign_id = ? ORDER BY id")
      .all(campaignId) as { id: number; schedule: string }[];
    return rows.map((row) => ({
      id: row.id,
      campaignId,
      ...fromJson<Omit<Schedule, "id" | "campaignId">>(row.schedule),
    }));
  }

  private toCampaign(row: CampaignRow): Campaign {
    return toCampaign(row, this.schedules(row.id));
  }

  get(accountId: number, id: number): Campaign | undefined {
    const row = this.db
      .prepare("SELECT * FROM campaigns WHERE id = ? AND account_id = ?")
      .get(id, accountId) as CampaignRow | undefined;
    return row === undefined ? undefined : this.toCampaign(row);
  }

  /** The account's default campaign, created on first use. */
  defaultCampaign(accountId: number, now: number): Campaign {
    const row = this.db
      .prepare("SELECT * FROM campaigns WHERE account_id = ? AND is_default = 1")
      .get(accountId) as CampaignRow | undefined;
    if (row !== undefined) return this.toCampaign(row);
    const id = this.insert(accountId, true, {}, now);
    return this.get(accountId, id) as Campaign;
  }

  update(id: number, settings: CampaignSettings, now: number): void {
    const keys = (Object.keys(COLUMNS) as ColumnSetting[]).filter((k) => settings[k] !== undefined);
    const assignments = keys.map((k) => `${COLUMN_NAMES[k]} = ?`);
    const values = keys.map((k) => COLUMNS[k](settings[k] as never));
    this.db
      .prepare(`UPDATE campaigns SET ${[...assignments, "last_modified = ?"].join(", ")} WHERE id = ?`)
      .run(...values, now, id);
    if (settings.schedules !== undefined) this.replaceSchedules(id, settings.schedules);
  }

  setStatus(id: number, status: BroadcastStatus, now: number): void {
    this.db.prepare("UPDATE campaigns SET status = ?, last_modified = ? WHERE id = ?").run(status, now, id);
  }

  /** Broadcasts for search: not the default campaign, not archived (docs/callfire-api.md §Endpoints). */
  find(accountId: number, filter: BroadcastFilter, limit: number, offset: number): [Campaign[], number] {
    const where = ["account_id = ?", "is_default = 0", "status <> 'ARCHIVED'"];
    const params: unknown[] = [accountId];
    if (filter.name !== undefined) {
      where.push("instr(lower(name), lower(?)) > 0");
      params.push(filter.name);
    }
    if (filter.label !== undefined) {
      where.push("EXISTS (SELECT 1 FROM json_each(labels) WHERE value = ?)");
      params.push(filter.label);
    }
    if (filter.running !== undefined)
      where.push(filter.running ? "status = 'RUNNING'" : "status <> 'RUNNING'");
    if (filter.scheduled !== undefined)
      where.push(
        `${filter.scheduled ? "" : "NOT "}EXISTS (SELECT 1 FROM schedules WHERE campaign_id = campaigns.id)`,
      );
    if (filter.intervalBegin !== undefined) {
      where.push("created >= ?");
      params.push(filter.intervalBegin);
    }
    if (filter.intervalEnd !== undefined) {
      where.push("created <= ?");
      params.push(filter.intervalEnd);
    }
    const [rows, total] = findPage<CampaignRow>(
      this.db,
      {
        select: "SELECT * FROM campaigns",
        from: "campaigns",
        where: where.join(" AND "),
        params,
        orderBy: "id",
      },
      limit,
      offset,
    );
    return [rows.map((row) => this.toCampaign(row)), total];
  }

  /** Running text broadcasts (not default campaigns), across accounts unless one is given. */
  running(accountId?: number): Campaign[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM campaigns WHERE status = 'RUNNING' AND is_default = 0 AND (? IS NULL OR account_id = ?)`,
      )
      .all(accountId ?? null, accountId ?? null) as CampaignRow[];
    return rows.map((row) => this.toCampaign(row));
  }
}
