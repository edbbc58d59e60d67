import { BatchResolver } from "./batch.resolver.js";
import { TextAutoReplyResolver } from "./text-auto-reply.resolver.js";
import { TextBroadcastResolver } from "./text-broadcast.resolver.js";
import { TextResolver } from "./text.resolver.js";

/** Every resolver class of the graph, for buildSchema (a non-empty tuple, as it requires). */
export const resolvers = [TextResolver, TextBroadcastResolver, BatchResolver, TextAutoReplyResolver] as const;

export { validateArgs } from "./validate.js";
