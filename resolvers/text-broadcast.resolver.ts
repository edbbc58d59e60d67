import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Batch } from "../schema/batch.type.js";
import { BatchPage, TextBroadcastPage, TextPage, type Page } from "../schema/page.type.js";
import { RecipientInput, TextRecipientInput } from "../schema/recipient.input.js";
import { DateTimeScalar } from "../schema/scalars.js";
import {
  TextBroadcastFilter,
  TextBroadcastInput,
  TextBroadcastUpdateInput,
} from "../schema/text-broadcast.input.js";
import { TextBroadcast, TextBroadcastStats } from "../schema/text-broadcast.type.js";
import { Text } from "../schema/text.type.js";
import type { Context } from "../src/context.js";
import { forgetBroadcastLists, loadOrNull, primeAll, reload } from "./loading.js";
import { PageArgs } from "./page.args.js";
import { checkId, checkPage, checkRecipients, checkSomeField, checkWindow } from "./validate.js";

const BROADCAST_ID = "CallFire text broadcast id.";

@Resolver(() => TextBroadcast)
export class TextBroadcastResolver {
  @Query(() => TextBroadcast, {
    nullable: true,
    description: "One text broadcast by id; null when CallFire does not know it.",
  })
  textBroadcast(
    @Arg("id", () => ID, { description: BROADCAST_ID }) id: string,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast | null> {
    checkId("id", id);
    return loadOrNull(ctx.loaders.textBroadcast, id);
  }

  @Query(() => TextBroadcastPage, { description: "The account's text broadcasts; archived ones are left out." })
  async textBroadcasts(
    @Arg("filter", () => TextBroadcastFilter, {
      nullable: true,
      description: "Which broadcasts; all but the archived ones when left out.",
    })
    filter: TextBroadcastFilter | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<TextBroadcast>> {
    checkPage(page);
    checkWindow("filter.intervalBegin", filter?.intervalBegin, "filter.intervalEnd", filter?.intervalEnd);
    const result = await ctx.api.findTextBroadcasts({ ...page, filter });
    primeAll(ctx.loaders.textBroadcast, result.items);
    return result;
  }

  @Mutation(() => TextBroadcast, { description: "Create a text broadcast, and start it if asked to." })
  async createTextBroadcast(
    @Arg("input", () => TextBroadcastInput, { description: "The new broadcast." }) input: TextBroadcastInput,
    @Arg("start", () => Boolean, { nullable: true, description: "true: start it right after creating it." })
    start: boolean | null | undefined,
    @Arg("strictValidation", () => Boolean, {
      nullable: true,
      description: "true: one invalid recipient number fails the whole request.",
    })
    strictValidation: boolean | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    if (input.recipients) checkRecipients("input.recipients", input.recipients, 0);
    const id = await ctx.api.createTextBroadcast(input, { start, strictValidation });
    return ctx.loaders.textBroadcast.load(id);
  }

  @Mutation(() => TextBroadcast, {
    description: "Change a text broadcast; fields left out stay as they are. Returns it as it stands afterwards.",
  })
  async updateTextBroadcast(
    @Arg("id", () => ID, { description: BROADCAST_ID }) id: string,
    @Arg("input", () => TextBroadcastUpdateInput, { description: "The changes." }) input: TextBroadcastUpdateInput,
    @Arg("strictValidation", () => Boolean, {
      nullable: true,
      description: "true: fail the request if CallFire finds anything invalid.",
    })
    strictValidation: boolean | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    checkId("id", id);
    checkSomeField("input", input);
    await ctx.api.updateTextBroadcast(id, input, { strictValidation });
    return reload(ctx.loaders.textBroadcast, id);
  }

  @Mutation(() => TextBroadcast, {
    description: "Start (or resume) a text broadcast. Returns it as it stands afterwards.",
  })
  async startTextBroadcast(
    @Arg("id", () => ID, { description: BROADCAST_ID }) id: string,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    checkId("id", id);
    await ctx.api.startTextBroadcast(id);
    forgetBroadcastLists(ctx.loaders);
    return reload(ctx.loaders.textBroadcast, id);
  }

  @Mutation(() => TextBroadcast, { description: "Stop a text broadcast. Returns it as it stands afterwards." })
  async stopTextBroadcast(
    @Arg("id", () => ID, { description: BROADCAST_ID }) id: string,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    checkId("id", id);
    await ctx.api.stopTextBroadcast(id);
    forgetBroadcastLists(ctx.loaders);
    return reload(ctx.loaders.textBroadcast, id);
  }

  @Mutation(() => TextBroadcast, {
    description:
      "Archive a text broadcast: it leaves textBroadcasts results but can still be looked up. Returns it as it stands afterwards.",
  })
  async archiveTextBroadcast(
    @Arg("id", () => ID, { description: BROADCAST_ID }) id: string,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcast> {
    checkId("id", id);
    await ctx.api.archiveTextBroadcast(id);
    return reload(ctx.loaders.textBroadcast, id);
  }

  @Mutation(() => [Text], {
    description:
      "Add recipients to a broadcast; they skip batch validation and are texted right away if it runs. Returns the new texts. Never retried.",
  })
  async addTextBroadcastRecipients(
    @Arg("broadcastId", () => ID, { description: BROADCAST_ID }) broadcastId: string,
    @Arg("recipients", () => [TextRecipientInput], { description: "Who to add: 1 to 1000 recipients." })
    recipients: TextRecipientInput[],
    @Arg("strictValidation", () => Boolean, {
      nullable: true,
      description: "true: one invalid recipient number fails the whole request.",
    })
    strictValidation: boolean | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Text[]> {
    checkId("broadcastId", broadcastId);
    checkRecipients("recipients", recipients, 1);
    const texts = await ctx.api.addTextBroadcastRecipients(broadcastId, recipients, { strictValidation });
    primeAll(ctx.loaders.text, texts);
    forgetBroadcastLists(ctx.loaders);
    return texts;
  }

  @Mutation(() => Boolean, {
    description:
      "Switch off (or back on) the broadcast's texts to these recipients that were not sent yet (READY ↔ DISABLED); recipients already texted are skipped. Returns true once CallFire accepted it.",
  })
  async toggleTextBroadcastRecipients(
    @Arg("broadcastId", () => ID, { description: BROADCAST_ID }) broadcastId: string,
    @Arg("recipients", () => [RecipientInput], { description: "Whose texts: 1 to 1000 recipients." })
    recipients: RecipientInput[],
    @Arg("enable", () => Boolean, { description: "false: disable their texts; true: enable them again." })
    enable: boolean,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    checkId("broadcastId", broadcastId);
    checkRecipients("recipients", recipients, 1);
    await ctx.api.toggleTextBroadcastRecipientsStatus(broadcastId, recipients, enable);
    // Text states changed: texts this request already holds are stale too.
    ctx.loaders.text.clearAll();
    forgetBroadcastLists(ctx.loaders);
    return true;
  }

  @FieldResolver(() => BatchPage, { description: "The broadcast's contact batches." })
  async batches(
    @Root() broadcast: TextBroadcast,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Batch>> {
    checkPage(page);
    const result = await ctx.loaders.textBroadcastBatches.load({ broadcastId: broadcast.id, ...page });
    primeAll(ctx.loaders.batch, result.items);
    return result;
  }

  @FieldResolver(() => TextPage, { description: "The broadcast's texts, ordered by date." })
  async texts(
    @Root() broadcast: TextBroadcast,
    @Arg("batchId", () => ID, { nullable: true, description: "Only texts of this batch." })
    batchId: string | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Text>> {
    checkId("batchId", batchId);
    checkPage(page);
    const result = await ctx.loaders.textBroadcastTexts.load({ broadcastId: broadcast.id, batchId, ...page });
    primeAll(ctx.loaders.text, result.items);
    return result;
  }

  @FieldResolver(() => TextBroadcastStats, {
    nullable: true,
    description: "Counters of the broadcast's texts, optionally within a time window.",
  })
  stats(
    @Root() broadcast: TextBroadcast,
    @Arg("begin", () => DateTimeScalar, { nullable: true, description: "Count texts created at or after this." })
    begin: Date | null | undefined,
    @Arg("end", () => DateTimeScalar, { nullable: true, description: "Count texts created at or before this." })
    end: Date | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<TextBroadcastStats> {
    checkWindow("begin", begin, "end", end);
    return ctx.loaders.textBroadcastStats.load({ broadcastId: broadcast.id, begin, end });
  }
}
