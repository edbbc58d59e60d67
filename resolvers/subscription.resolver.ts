// Live updates from CallFire's webhooks, for the caller's own account. Each event is delivered as the
// model CallFire's webhook carried; nested fields resolve through a fresh context per event (new loaders,
// the subscriber's credentials), exactly as in a query.
import { Args, Directive, Resolver, Root, Subscription } from "type-graphql";
import { parseCallFireJson } from "../datasources/callfire-json.js";
import type * as Dto from "../datasources/callfire.dto.js";
import type { Logger } from "../src/core/logger.js";
import { toText, toTextBroadcast } from "../datasources/to-model.js";
import { PUBLIC_TAG } from "../schema/federation.directives.js";
import { TextBroadcast } from "../schema/text-broadcast.type.js";
import { Text } from "../schema/text.type.js";
import type { Context } from "./context.js";
import { mapEvents, SKIP } from "../src/core/async-events.js";
import type { LiveEvent, LiveResource } from "../src/state/live-events.js";
import { TextBroadcastStatusChangedArgs, TextFinishedArgs, TextReceivedArgs } from "./subscription.args.js";
import { checkRules } from "./validate.js";

/** CallFire writes US numbers with their leading 1; a subscriber may leave it out. */
function samePhoneNumber(number: string | null | undefined, wanted: string): boolean {
  const full = (digits: string) => (digits.length === 10 ? `1${digits}` : digits);
  return number != null && full(number) === full(wanted);
}

/** type-graphql validates no arguments of a subscribe function: here they get the rules of every other field. */
async function validated<T extends object>(Type: new () => T, args: unknown): Promise<T> {
  const value = Object.assign(new Type(), args);
  await checkRules(value);
  return value;
}

/** The account's events of one resource, as models, that pass `keep`. */
async function modelsOf<M>(
  context: Context,
  resource: LiveResource,
  toModel: (dto: never, log: Logger) => M,
  keep: (model: M) => boolean,
): Promise<AsyncIterableIterator<M>> {
  const events = await context.live.events(resource);
  return mapEvents(events, (event: LiveEvent) => {
    const model = toModel(parseCallFireJson(event.resource) as never, context.log);
    return keep(model) ? model : SKIP;
  });
}

@Resolver()
export class SubscriptionResolver {
  @Directive(PUBLIC_TAG)
  @Subscription(() => Text, {
    description: "A text arrived on one of the account's numbers (CallFire's InboundText Finished webhook).",
    subscribe: async ({ args, context }) => {
      const { toNumber } = await validated(TextReceivedArgs, args);
      return modelsOf(
        context as Context,
        "InboundText",
        (dto: Dto.Text, log) => toText(dto, log),
        (text) => (toNumber == null ? true : samePhoneNumber(text.toNumber, toNumber)),
      );
    },
  })
  textReceived(@Root() text: Text, @Args(() => TextReceivedArgs) _args: TextReceivedArgs): Text {
    return text;
  }

  @Directive(PUBLIC_TAG)
  @Subscription(() => Text, {
    description:
      "An outbound text of the account reached its final state: sent, or failed with its result (CallFire's OutboundText Finished webhook).",
    subscribe: async ({ args, context }) => {
      const { broadcastId } = await validated(TextFinishedArgs, args);
      return modelsOf(
        context as Context,
        "OutboundText",
        (dto: Dto.Text, log) => toText(dto, log),
        (text) => (broadcastId == null ? true : text.campaignId === broadcastId),
      );
    },
  })
  textFinished(@Root() text: Text, @Args(() => TextFinishedArgs) _args: TextFinishedArgs): Text {
    return text;
  }

  @Directive(PUBLIC_TAG)
  @Subscription(() => TextBroadcast, {
    description:
      "A text broadcast of the account started, stopped or finished (CallFire's TextBroadcast webhooks); it is delivered as it stood at that moment.",
    subscribe: async ({ args, context }) => {
      const { id } = await validated(TextBroadcastStatusChangedArgs, args);
      return modelsOf(
        context as Context,
        "TextBroadcast",
        (dto: Dto.TextBroadcast, log) => toTextBroadcast(dto, log),
        (broadcast) => (id == null ? true : broadcast.id === id),
      );
    },
  })
  textBroadcastStatusChanged(
    @Root() broadcast: TextBroadcast,
    @Args(() => TextBroadcastStatusChangedArgs) _args: TextBroadcastStatusChangedArgs,
  ): TextBroadcast {
    return broadcast;
  }
}
