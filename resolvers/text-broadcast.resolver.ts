import { Args, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { PUBLIC_TAG, WRITE_TAG } from "../schema/federation.directives.js";
import type { Batch } from "../schema/batch.type.js";
import { BatchPage, TextBroadcastPage, TextPage, type Page } from "../schema/page.type.js";
import { TextBroadcast, TextBroadcastStats } from "../schema/text-broadcast.type.js";
import { Text } from "../schema/text.type.js";
import type { Context } from "./context.js";
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
import { checkPage, checkRecipients, checkSchedules, checkSomeField, checkWindow } from "./validate.js";

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
    return ctx.services.textBroadcasts.byId(id);
  }

  @Directive(PUBLIC_TAG)
  @Query(() => TextBroadcastPage, {
    description: "The account's text broadcasts; archived ones are left out.",
  })
  textBroadcasts(
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
    return ctx.services.textBroadcasts.list(args);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, { description: "Create a text broadcast, and start it if asked to." })
  createTextBroadcast(
    @Args(() => CreateTextBroadcastArgs) args: CreateTextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    const { input } = args;
    if (input.recipients) checkRecipients("input.recipients", input.recipients, 0);
    checkSchedules("input.schedules", input.schedules);
    return ctx.services.textBroadcasts.create(args);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, {
    description:
      "Change a text broadcast; fields left out stay as they are. Returns it as it stands afterwards.",
  })
  updateTextBroadcast(
    @Args(() => UpdateTextBroadcastArgs) { id, input, strictValidation }: UpdateTextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    checkSomeField("input", input);
    checkSchedules("input.schedules", input.schedules);
    return ctx.services.textBroadcasts.update(id, input, { strictValidation });
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, {
    description: "Start (or resume) a text broadcast. Returns it as it stands afterwards.",
  })
  startTextBroadcast(
    @Args(() => TextBroadcastArgs) { id }: TextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    return ctx.services.textBroadcasts.start(id);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, {
    description: "Stop a text broadcast. Returns it as it stands afterwards.",
  })
  stopTextBroadcast(
    @Args(() => TextBroadcastArgs) { id }: TextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    return ctx.services.textBroadcasts.stop(id);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextBroadcast, {
    description:
      "Archive a text broadcast: it leaves textBroadcasts results but can still be looked up by id. Returns it as it stands afterwards.",
  })
  archiveTextBroadcast(
    @Args(() => TextBroadcastArgs) { id }: TextBroadcastArgs,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    return ctx.services.textBroadcasts.archive(id);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => [Text], {
    description:
      "Add recipients to a broadcast; they skip batch validation and are texted right away if it runs. Returns the new texts. Never retried.",
  })
  addTextBroadcastRecipients(
    @Args(() => AddTextBroadcastRecipientsArgs) args: AddTextBroadcastRecipientsArgs,
    @Ctx() ctx: Context,
  ): Promise<Text[]> {
    checkRecipients("recipients", args.recipients, 1);
    return ctx.services.textBroadcasts.addRecipients(args);
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
    checkRecipients("recipients", recipients, 1);
    await ctx.services.textBroadcasts.toggleRecipients(broadcastId, recipients, enable);
    return true;
  }

  // Nullable (as texts and stats): each is its own CallFire call, and one failing must leave the rest.
  @FieldResolver(() => BatchPage, {
    nullable: true,
    description: "The broadcast's contact batches; null (with an error) when CallFire could not list them.",
  })
  batches(
    @Root() broadcast: TextBroadcast,
    @Args(() => PageArgs) { limit, offset }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Batch>> {
    checkPage({ limit, offset });
    return ctx.services.textBroadcasts.batches(broadcast.id, { limit, offset });
  }

  @FieldResolver(() => TextPage, {
    nullable: true,
    description:
      "The broadcast's texts, ordered by date; null (with an error) when CallFire could not list them.",
  })
  texts(
    @Root() broadcast: TextBroadcast,
    @Args(() => BroadcastTextsArgs) { batchId, limit, offset }: BroadcastTextsArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Text>> {
    checkPage({ limit, offset });
    return ctx.services.textBroadcasts.texts({ broadcastId: broadcast.id, batchId, limit, offset });
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
    return ctx.services.textBroadcasts.stats(broadcast.id, { begin, end });
  }
}
