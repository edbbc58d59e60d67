import { Args, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { PUBLIC_TAG, WRITE_TAG } from "../schema/federation.directives.js";
import type { Batch } from "../schema/batch.type.js";
import { BatchPage, TextBroadcastPage, TextPage, type Page } from "../schema/page.type.js";
import { TextBroadcast, TextBroadcastStats } from "../schema/text-broadcast.type.js";
import { Text } from "../schema/text.type.js";
import {
  forgetTextBroadcast,
  forgetTextStates,
  primeTextBroadcasts,
  primeTexts,
} from "../datasources/loaders.js";
import type { Context } from "./context.js";
import { loadOrNull, replayTexts } from "./loading.js";
import { loadCreated, storeTexts } from "./stored-outcome.js";
import { sentTextBroadcast } from "./sent-objects.js";
import { PageArgs } from "./page.args.js";
import {
  AddTextBroadcastRecipientsArgs,
  BroadcastTextsArgs,
  CreateTextBroadcastArgs,
  StatsArgs,
  TextBroadcastArgs,
  TextBroadcastsArgs,
  ToggleTextBroadcastRecipientsArgs,
  UpdateTextBroadcastArgs,
} from "./text-broadcast.args.js";
import {
  checkId,
  checkPage,
  checkRecipients,
  checkSchedules,
  checkSomeField,
  checkWindow,
} from "./validate.js";

/** The broadcast as it stands after a change: forget what this request cached of it, then one GET. */
function reloaded(ctx: Context, id: string): Promise<TextBroadcast> {
  forgetTextBroadcast(ctx.loaders, id);
  return ctx.loaders.textBroadcast.load(id);
}

@Resolver(() => TextBroadcast)
export class TextBroadcastResolver {
  @Directive(PUBLIC_TAG)
  @Query(() => TextBroadcast, {
    nullable: true,
    description: "One text broadcast by id; null when CallFire does not know it.",
  })
  textBroadcast(
    @Args(() => TextBroadcastArgs) { id }: TextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast | null> {
    checkId("id", id);
    return loadOrNull(ctx.loaders.textBroadcast, id);
  }

  @Directive(PUBLIC_TAG)
  @Query(() => TextBroadcastPage, {
    description: "The account's text broadcasts; archived ones are left out.",
  })
  async textBroadcasts(
    @Args(() => TextBroadcastsArgs) args: TextBroadcastsArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<TextBroadcast>> {
    checkPage(args);
    checkWindow(
      "filter.intervalBegin",
      args.filter?.intervalBegin,
      "filter.intervalEnd",
      args.filter?.intervalEnd,
    );
    const page = await ctx.api.findTextBroadcasts(args);
    primeTextBroadcasts(ctx.loaders, page.items);
    return page;
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, { description: "Create a text broadcast, and start it if asked to." })
  async createTextBroadcast(
    @Args(() => CreateTextBroadcastArgs) args: CreateTextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    const { input, start, strictValidation, idempotencyKey } = args;
    if (input.recipients) checkRecipients("input.recipients", input.recipients, 0);
    checkSchedules("input.schedules", input.schedules);
    const id = await ctx.idempotency.run("createTextBroadcast", idempotencyKey, args, () =>
      ctx.api.createTextBroadcast(input, { start, strictValidation }),
    );
    return loadCreated(ctx.loaders.textBroadcast, id, () => sentTextBroadcast(id, input), ctx.log);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, {
    description:
      "Change a text broadcast; fields left out stay as they are. Returns it as it stands afterwards.",
  })
  async updateTextBroadcast(
    @Args(() => UpdateTextBroadcastArgs) { id, input, strictValidation }: UpdateTextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    checkId("id", id);
    checkSomeField("input", input);
    checkSchedules("input.schedules", input.schedules);
    await ctx.api.updateTextBroadcast(id, input, { strictValidation });
    return reloaded(ctx, id);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, {
    description: "Start (or resume) a text broadcast. Returns it as it stands afterwards.",
  })
  async startTextBroadcast(
    @Args(() => TextBroadcastArgs) { id }: TextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    checkId("id", id);
    await ctx.api.startTextBroadcast(id);
    return reloaded(ctx, id);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, {
    description: "Stop a text broadcast. Returns it as it stands afterwards.",
  })
  async stopTextBroadcast(
    @Args(() => TextBroadcastArgs) { id }: TextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    checkId("id", id);
    await ctx.api.stopTextBroadcast(id);
    return reloaded(ctx, id);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, {
    description:
      "Archive a text broadcast: it leaves textBroadcasts results but can still be looked up by id. Returns it as it stands afterwards.",
  })
  async archiveTextBroadcast(
    @Args(() => TextBroadcastArgs) { id }: TextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    checkId("id", id);
    await ctx.api.archiveTextBroadcast(id);
    return reloaded(ctx, id);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => [Text], {
    description:
      "Add recipients to a broadcast; they skip batch validation and are texted right away if it runs. Returns the new texts. Never retried.",
  })
  async addTextBroadcastRecipients(
    @Args(() => AddTextBroadcastRecipientsArgs) args: AddTextBroadcastRecipientsArgs,
    @Ctx() ctx: Context,
  ): Promise<Text[]> {
    const { broadcastId, recipients, strictValidation, idempotencyKey } = args;
    checkId("broadcastId", broadcastId);
    checkRecipients("recipients", recipients, 1);
    // As in sendTexts: with a key, whole texts are asked for and stored for a repeat.
    let added: Text[] | undefined;
    const outcome = await ctx.idempotency.run(
      "addTextBroadcastRecipients",
      idempotencyKey,
      args,
      async () => {
        added = await ctx.api.addTextBroadcastRecipients(broadcastId, recipients, {
          strictValidation,
          wholeTexts: idempotencyKey != null,
        });
        return storeTexts(added);
      },
    );
    forgetTextBroadcast(ctx.loaders, broadcastId);
    if (!added) return replayTexts(ctx, outcome);
    primeTexts(ctx.loaders, added);
    return added;
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => Boolean, {
    description:
      "Switch off (or back on) the broadcast's texts to these recipients that were not sent yet (READY to DISABLED and back); recipients already texted are skipped. Returns true once CallFire accepted it.",
  })
  async toggleTextBroadcastRecipients(
    @Args(() => ToggleTextBroadcastRecipientsArgs)
    { broadcastId, recipients, enable }: ToggleTextBroadcastRecipientsArgs,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    checkId("broadcastId", broadcastId);
    checkRecipients("recipients", recipients, 1);
    await ctx.api.toggleTextBroadcastRecipientsStatus(broadcastId, recipients, enable);
    forgetTextBroadcast(ctx.loaders, broadcastId);
    forgetTextStates(ctx.loaders);
    return true;
  }

  // Nullable (as texts and stats): each is its own CallFire call, and one failing must leave the rest.
  @FieldResolver(() => BatchPage, {
    nullable: true,
    description: "The broadcast's contact batches; null (with an error) when CallFire could not list them.",
  })
  async batches(
    @Root() broadcast: TextBroadcast,
    @Args(() => PageArgs) { limit, offset }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Batch>> {
    checkPage({ limit, offset });
    return ctx.loaders.textBroadcastBatches.load({ broadcastId: broadcast.id, limit, offset });
  }

  @FieldResolver(() => TextPage, {
    nullable: true,
    description:
      "The broadcast's texts, ordered by date; null (with an error) when CallFire could not list them.",
  })
  async texts(
    @Root() broadcast: TextBroadcast,
    @Args(() => BroadcastTextsArgs) { batchId, limit, offset }: BroadcastTextsArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Text>> {
    checkId("batchId", batchId);
    checkPage({ limit, offset });
    return ctx.loaders.textBroadcastTexts.load({ broadcastId: broadcast.id, batchId, limit, offset });
  }

  @FieldResolver(() => TextBroadcastStats, {
    nullable: true,
    description: "Counters of the broadcast's texts, optionally within a time window.",
  })
  stats(
    @Root() broadcast: TextBroadcast,
    @Args(() => StatsArgs) { begin, end }: StatsArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcastStats> {
    checkWindow("begin", begin, "end", end);
    return ctx.loaders.textBroadcastStats.load({ broadcastId: broadcast.id, begin, end });
  }
}
