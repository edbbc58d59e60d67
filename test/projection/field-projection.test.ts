// From what an operation selects to the `fields` parameter of each CallFire call.
import { getNamedType, isObjectType, parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { ApolloServer } from "@apollo/server";
import { FieldProjection } from "../../datasources/projection/field-projection.js";
import {
  fieldProjectionPlugin,
  type ProjectionContext,
} from "../../datasources/projection/field-projection.plugin.js";
import { OperationProjection } from "../../datasources/projection/operation-projection.js";
import {
  callFireFields,
  type ProjectionTarget,
  type SelectedFields,
} from "../../datasources/projection/callfire-fields.js";
import { buildSubgraph } from "../../src/graphql/schema.js";
import { selectedFields } from "../../datasources/projection/selected-fields.js";

const TARGETS: ProjectionTarget[] = [
  "Text",
  "TextBroadcast",
  "Batch",
  "TextAutoReply",
  "TextBroadcastStats",
  "TextPage",
  "TextBroadcastPage",
  "BatchPage",
  "TextAutoReplyPage",
  "TextList",
];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSubgraph();
});

function select(source: string): SelectedFields {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === "OperationDefinition",
  )!;
  return selectedFields(schema, document, operation);
}

/** The `fields` of every target the operation sends one for. */
function fieldsOf(source: string): Partial<Record<ProjectionTarget, string>> {
  const selected = select(source);
  return Object.fromEntries(
    TARGETS.flatMap((target) => {
      const fields = callFireFields(selected, target);
      return fields === undefined ? [] : [[target, fields]];
    }),
  );
}

/** Every field of every type reachable from `type`, as a selection (no arguments needed: all optional). */
function everything(typeName: string, depth = 3): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type) || depth === 0) return "";
  const fields = Object.values(type.getFields()).map((field) => {
    const named = getNamedType(field.type);
    return isObjectType(named)
      ? `${field.name} { ${everything(named.name, depth - 1) || "__typename"} }`
      : field.name;
  });
  return fields.join(" ");
}

describe("callFireFields", () => {
  it("asks for what the dashboard reads, the stats under CallFire's spelling, the paging always", () => {
    expect(
      fieldsOf(`{
        textBroadcasts(limit: 10) {
          totalCount
          items {
            name
            stats { sentCount receivedCount }
            batches { items { name } }
            texts { items { toNumber batch { status } } }
          }
        }
      }`),
    ).toEqual({
      TextBroadcastPage: "items(id,name),limit,offset,totalCount",
      TextBroadcast: "id,name",
      TextBroadcastStats: "sentCount,recievedCount",
      BatchPage: "items(id,name,status),limit,offset,totalCount",
      Batch: "id,name,status",
      TextPage: "items(id,toNumber,batchId),limit,offset,totalCount",
      Text: "id,toNumber,batchId",
      TextList: "items(id,toNumber,batchId)",
    });
  });

  it("asks for the parent keys that field resolvers read", () => {
    expect(fieldsOf(`{ text(id: "1") { broadcast { __typename } batch { __typename } } }`)).toMatchObject({
      Text: "id,campaignId,batchId",
    });
    expect(fieldsOf(`{ batch(id: "1") { broadcast { id } texts { totalCount } } }`)).toMatchObject({
      Batch: "id,broadcastId",
    });
    expect(fieldsOf(`{ textBroadcast(id: "1") { stats { sentCount } } }`)).toMatchObject({
      TextBroadcast: "id",
    });
  });

  it("projects nested value objects with CallFire's parentheses, ids of contacts and media always", () => {
    expect(
      fieldsOf(`{
        text(id: "1") { contact { homePhone } records { textResult finishTime } media { name } }
        textBroadcast(id: "2") { localTimeRestriction { enabled beginHour } media { publicUrl } }
      }`),
    ).toMatchObject({
      Text: "id,records(textResult,finishTime),media(id,name,publicUrl),contact(id,homePhone)",
      TextBroadcast: "id,localTimeRestriction(enabled,beginHour),media(id,name,publicUrl)",
    });
  });

  it("asks for a nested value object whole when only its __typename is read", () => {
    expect(fieldsOf(`{ textBroadcast(id: "2") { localTimeRestriction { __typename } } }`)).toMatchObject({
      TextBroadcast: "id,localTimeRestriction",
    });
  });

  it("asks a page without items for the paging only, and for item ids when hasMore must count them", () => {
    expect(fieldsOf(`{ textBroadcasts { totalCount } }`)).toEqual({
      TextBroadcastPage: "limit,offset,totalCount",
    });
    expect(fieldsOf(`{ textAutoReplies { hasMore } }`)).toEqual({
      TextAutoReplyPage: "items(id),limit,offset,totalCount",
    });
  });

  it("sends no fields where the operation reads nothing of the answer", () => {
    expect(fieldsOf(`mutation { deleteTextAutoReply(id: "1") }`)).toEqual({});
    expect(
      fieldsOf(`mutation { toggleTextBroadcastRecipients(broadcastId: "1", recipients: [], enable: true) }`),
    ).toEqual({});
    // Stats read for __typename only: no field to name, so the whole object rather than an empty fields.
    expect(fieldsOf(`{ textBroadcast(id: "1") { stats { __typename } } }`)).toEqual({
      TextBroadcast: "id",
    });
  });

  it("asks for texts of a ListHolder (POST /texts, GET /texts?id=…) as items only", () => {
    expect(fieldsOf(`mutation { sendTexts(recipients: []) { state } }`)).toEqual({
      Text: "id,state",
      TextList: "items(id,state)",
    });
  });

  it("projects the texts of _entities representations", () => {
    expect(
      fieldsOf(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Text { message } } }`),
    ).toEqual({ Text: "id,message", TextList: "items(id,message)" });
  });

  it("asks for a whole object when a selected field is not in the table", () => {
    const selected = new Map([
      ["Text", new Set(["id", "aFieldAddedLater"])],
      ["TextPage", new Set(["items"])],
    ]);
    expect(callFireFields(selected, "Text")).toBeUndefined();
    expect(callFireFields(selected, "TextPage")).toBe("items,limit,offset,totalCount");
  });

  it("covers every field of the schema's CallFire types (a field missing from the table fails here)", () => {
    const all = fieldsOf(`{
      text(id: "1") { ${everything("Text")} }
      textBroadcast(id: "1") { ${everything("TextBroadcast")} }
      textAutoReply(id: "1") { ${everything("TextAutoReply")} }
    }`);
    expect(all.Text).toBe(
      "id,fromNumber,toNumber,inbound,state,finalTextResult,message,created,modified,labels,attributes," +
        "records(id,toNumber,message,textResult,billedAmount,finishTime)," +
        "media(id,name,mediaType,lengthInBytes,publicUrl,created)," +
        "contact(id,firstName,lastName,homePhone,workPhone,mobilePhone),campaignId,batchId",
    );
    expect(all.TextBroadcast).toBe(
      "id,name,status,lastModified,fromNumber,message,bigMessageStrategy,labels,maxActive,resumeNextDay," +
        "localTimeRestriction(enabled,beginHour,beginMinute,endHour,endMinute)," +
        "schedules(id,campaignId,daysOfWeek,timeZone,startDate(year,month,day),stopDate(year,month,day)," +
        "startTimeOfDay(hour,minute,second),stopTimeOfDay(hour,minute,second))," +
        "media(id,name,mediaType,lengthInBytes,publicUrl,created)",
    );
    expect(all.TextBroadcastStats).toBe(
      "totalOutboundCount,remainingOutboundCount,billedAmount,sentCount,unsentCount,recievedCount," +
        "doNotTextCount,tooBigCount,errorCount",
    );
    expect(all.Batch).toBe("id,name,status,created,size,remaining,enabled,broadcastId");
    expect(all.TextAutoReply).toBe("id,number,keyword,match,message");
  });
});

describe("FieldProjection", () => {
  it("sends no fields until the operation is known, then the operation's", () => {
    const projection = new FieldProjection();
    expect(projection.fieldsFor("Batch")).toBeUndefined();
    projection.select(new OperationProjection(select(`{ batch(id: "1") { size } }`)));
    expect(projection.fieldsFor("Batch")).toBe("id,size");
    expect(projection.fieldsFor("Text")).toBeUndefined();
  });

  it("is computed once per operation document and shared by every request that sends it", async () => {
    const server = new ApolloServer<ProjectionContext>({ schema, plugins: [fieldProjectionPlugin()] });
    await server.start();
    const document = `query A { __typename } query B { __typename }`;
    const projectionOf = async (operationName: string) => {
      const contextValue = { fieldProjection: new FieldProjection() };
      await server.executeOperation({ query: document, operationName }, { contextValue });
      return contextValue.fieldProjection.operation;
    };
    const first = await projectionOf("A");
    expect(first).toBeInstanceOf(OperationProjection);
    expect(await projectionOf("A")).toBe(first);
    expect(await projectionOf("B")).not.toBe(first);
    await server.stop();
  });
});
