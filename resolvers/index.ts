// Root fields appear in the schema in the order their classes are decorated, i.e. imported: this order
// follows the contract (texts, broadcasts, batches, auto-replies).
import { TextResolver } from "./text.resolver.js";
import { TextBroadcastResolver } from "./text-broadcast.resolver.js";
import { BatchResolver } from "./batch.resolver.js";
import { TextAutoReplyResolver } from "./text-auto-reply.resolver.js";
import { SubscriptionResolver } from "./subscription.resolver.js";

/** Every resolver class of the graph, for buildSchema (a non-empty tuple, as it requires). */
export const resolvers = [
  TextResolver,
  TextBroadcastResolver,
  BatchResolver,
  TextAutoReplyResolver,
  SubscriptionResolver,
] as const;

/** buildSchema's validateFn: class-validator rules with a readable BAD_USER_INPUT message. */
export { validateArgs } from "./validate.js";
