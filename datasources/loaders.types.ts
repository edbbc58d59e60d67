// The per-request DataLoaders the resolvers use (built by createLoaders in loaders.ts).
import type DataLoader from "dataloader";
import type { Batch } from "../schema/batch.type.js";
import type { Page } from "../schema/page.type.js";
import type { TextAutoReply } from "../schema/text-auto-reply.type.js";
import type { TextBroadcast, TextBroadcastStats } from "../schema/text-broadcast.type.js";
import type { Text } from "../schema/text.type.js";
import type { PageArgs, StatsWindow } from "./callfire-api.js";

export interface BroadcastTextsKey extends PageArgs {
  broadcastId: string;
  batchId?: string | null;
}

export interface Loaders {
  /** Batched: many ids become one GET /texts?id=…&id=… (at most 100 ids a call). */
  text: DataLoader<string, Text>;
  textBroadcast: DataLoader<string, TextBroadcast>;
  batch: DataLoader<string, Batch>;
  textAutoReply: DataLoader<string, TextAutoReply>;
  textBroadcastStats: DataLoader<StatsWindow & { broadcastId: string }, TextBroadcastStats, string>;
  textBroadcastBatches: DataLoader<PageArgs & { broadcastId: string }, Page<Batch>, string>;
  textBroadcastTexts: DataLoader<BroadcastTextsKey, Page<Text>, string>;
}
