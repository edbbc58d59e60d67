// CallFire partial responses (docs/callfire-api.md §Partial responses): from the fields an operation selects
// on each GraphQL type to the `fields` parameter of each CallFire call. The one table of GraphQL field →
// CallFire property rules. A type's projection is the union over the whole operation, so any object of that
// type fetched during the request carries every field the operation reads from it, and priming loaders with
// it stays correct.

/** GraphQL type name → names of the fields the operation selects on it anywhere (a superset is fine). */
export type SelectedFields = ReadonlyMap<string, ReadonlySet<string>>;

/** What a CallFire call answers with; "TextList" is a ListHolder of texts ({ items } only). */
export type ProjectionTarget =
  | "Text"
  | "TextBroadcast"
  | "Batch"
  | "TextAutoReply"
  | "TextBroadcastStats"
  | "TextPage"
  | "TextBroadcastPage"
  | "BatchPage"
  | "TextAutoReplyPage"
  | "TextList";

type Rule =
  /** The CallFire properties the field is read from: its own, or the parent's a field resolver needs. */
  | { properties: readonly string[] }
  /** A nested value object, projected with its own type's rules. */
  | { property: string; of: string };

interface TypeRules {
  /** Properties to-model.ts cannot do without (it throws on a missing id). */
  required: readonly string[];
  fields: Readonly<Record<string, Rule>>;
}

function same(...names: string[]): Record<string, Rule> {
  return Object.fromEntries(names.map((name) => [name, { properties: [name] }]));
}

function parent(...properties: string[]): Rule {
  return { properties };
}

function nested(property: string, of: string): Rule {
  return { property, of };
}

const TYPES: Readonly<Record<string, TypeRules>> = {
  Text: {
    required: ["id"],
    fields: {
      ...same(
        "id",
        "fromNumber",
        "toNumber",
        "inbound",
        "state",
        "finalTextResult",
        "message",
        "created",
        "modified",
        "labels",
        "attributes",
      ),
      records: nested("records", "TextRecord"),
      media: nested("media", "Media"),
      contact: nested("contact", "Contact"),
      ...same("campaignId", "batchId"),
      broadcast: parent("campaignId"),
      batch: parent("batchId"),
    },
  },
  TextBroadcast: {
    required: ["id"],
    fields: {
      ...same(
        "id",
        "name",
        "status",
        "lastModified",
        "fromNumber",
        "message",
        "bigMessageStrategy",
        "labels",
        "maxActive",
        "resumeNextDay",
      ),
      localTimeRestriction: nested("localTimeRestriction", "LocalTimeRestriction"),
      schedules: nested("schedules", "Schedule"),
      media: nested("media", "Media"),
      batches: parent("id"),
      texts: parent("id"),
      stats: parent("id"),
    },
  },
  TextBroadcastStats: {
    required: [],
    fields: {
      ...same("totalOutboundCount", "remainingOutboundCount", "billedAmount", "sentCount", "unsentCount"),
      // CallFire's spelling.
      receivedCount: parent("recievedCount"),
      ...same("doNotTextCount", "tooBigCount", "errorCount"),
    },
  },
  Batch: {
    required: ["id"],
    fields: {
      ...same("id", "name", "status", "created", "size", "remaining", "enabled", "broadcastId"),
      broadcast: parent("broadcastId"),
      texts: parent("broadcastId", "id"),
    },
  },
  TextAutoReply: {
    required: ["id"],
    fields: same("id", "number", "keyword", "match", "message"),
  },
  Contact: {
    required: ["id"],
    fields: same("id", "firstName", "lastName", "homePhone", "workPhone", "mobilePhone"),
  },
  Media: {
    required: ["id"],
    fields: same("id", "name", "mediaType", "lengthInBytes", "publicUrl", "created"),
  },
  TextRecord: {
    required: [],
    fields: same("id", "toNumber", "message", "textResult", "billedAmount", "finishTime"),
  },
  LocalTimeRestriction: {
    required: [],
    fields: same("enabled", "beginHour", "beginMinute", "endHour", "endMinute"),
  },
  Schedule: {
    required: ["id"],
    fields: {
      ...same("id", "campaignId", "daysOfWeek", "timeZone"),
      startDate: nested("startDate", "LocalDate"),
      stopDate: nested("stopDate", "LocalDate"),
      startTimeOfDay: nested("startTimeOfDay", "LocalTime"),
      stopTimeOfDay: nested("stopTimeOfDay", "LocalTime"),
    },
  },
  LocalDate: { required: [], fields: same("year", "month", "day") },
  LocalTime: { required: [], fields: same("hour", "minute", "second") },
};

/** Page type → its item type; the page fields are CallFire's own Page envelope. */
const PAGES: Readonly<Record<string, string>> = {
  TextPage: "Text",
  TextBroadcastPage: "TextBroadcast",
  BatchPage: "Batch",
  TextAutoReplyPage: "TextAutoReply",
};

/** Always asked for on a page: hasMore is computed from them. */
const PAGING = ["limit", "offset", "totalCount"];

/**
 * The CallFire properties to ask for on `type`, given the fields selected on it: the required ones first,
 * then the table's order. null: a selected field the table does not know, so ask for the whole object.
 */
function project(selected: SelectedFields, type: string): string[] | null {
  const rules = TYPES[type];
  const fields = selected.get(type) ?? new Set<string>();
  if (!rules || [...fields].some((field) => !(field in rules.fields))) return null;
  const properties = new Set(rules.required);
  for (const [field, rule] of Object.entries(rules.fields)) {
    if (!fields.has(field)) continue;
    if ("of" in rule) properties.add(within(rule.property, project(selected, rule.of)));
    else for (const property of rule.properties) properties.add(property);
  }
  return [...properties];
}

/** `name(a,b)`, or the bare name (the whole value) when there is nothing narrower to ask for. */
function within(name: string, properties: string[] | null): string {
  return properties && properties.length > 0 ? `${name}(${properties.join(",")})` : name;
}

/** The page envelope: the items only if read (items, or hasMore, which counts them), always the paging. */
function projectPage(selected: SelectedFields, pageType: string, itemType: string): string | undefined {
  const fields = selected.get(pageType);
  if (!fields) return undefined;
  const items = fields.has("items") || fields.has("hasMore");
  return [...(items ? [within("items", project(selected, itemType))] : []), ...PAGING].join(",");
}

/**
 * The `fields` parameter for a call answering with `target`; undefined (send none: the whole object)
 * when the operation selects nothing of it, so an empty `fields` is never sent.
 */
export function callFireFields(selected: SelectedFields, target: ProjectionTarget): string | undefined {
  const itemType = PAGES[target];
  if (itemType) return projectPage(selected, target, itemType);
  const type = target === "TextList" ? "Text" : target;
  if (!selected.has(type)) return undefined;
  const properties = project(selected, type);
  if (target === "TextList") return within("items", properties);
  return properties && properties.length > 0 ? properties.join(",") : undefined;
}
