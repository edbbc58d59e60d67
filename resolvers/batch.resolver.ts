import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { BatchInput, BatchUpdateInput } from "../schema/batch.input.js";
import { Batch } from "../schema/batch.type.js";
import { TextPage, type Page } from "../schema/page.type.js";
import { TextBroadcast } from "../schema/text-broadcast.type.js";
import type { Text } from "../schema/text.type.js";
import type { Context } from "../src/context.js";
import { forgetBroadcastLists, loadOrNull, primeAll, reload } from "./loading.js";
import { PageArgs } from "./page.args.js";
import { checkBatchInput, checkId, checkPage, checkSomeField } from "./validate.js";

const BATCH_ID = "CallFire batch id.";

@Resolver(() => Batch)
export class BatchResolver {
  @Query(() => Batch, { nullable: true, description: "One contact batch by id; null when CallFire does not know it." })
  batch(@Arg("id", () => ID, { description: BATCH_ID }) id: string, @Ctx() ctx: Context): Promise<Batch | null> {
    checkId("id", id);
    return loadOrNull(ctx.loaders.batch, id);
  }

  @Mutation(() => Batch, {
    description:
      "Add a batch of recipients to a broadcast, from a contact list or a list of recipients. CallFire validates it (status NEW, VALIDATING, then ACTIVE or ERRORS). Returns the new batch.",
  })
  async addTextBroadcastBatch(
    @Arg("broadcastId", () => ID, { description: "CallFire text broadcast id." }) broadcastId: string,
    @Arg("input", () => BatchInput, { description: "The new batch." }) input: BatchInput,
    @Arg("strictValidation", () => Boolean, {
      nullable: true,
      description: "true: one invalid recipient number fails the whole request.",
    })
    strictValidation: boolean | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Batch> {
    checkId("broadcastId", broadcastId);
    checkBatchInput(input);
    const id = await ctx.api.addTextBroadcastBatch(broadcastId, input, { strictValidation });
    forgetBroadcastLists(ctx.loaders);
    return ctx.loaders.batch.load(id);
  }

  @Mutation(() => Batch, {
    description:
      "Switch a batch on or off (CallFire honours only enabled). Returns the batch as it stands afterwards.",
  })
  async updateBatch(
    @Arg("id", () => ID, { description: BATCH_ID }) id: string,
    @Arg("input", () => BatchUpdateInput, { description: "The changes." }) input: BatchUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<Batch> {
    checkId("id", id);
    checkSomeField("input", input);
    await ctx.api.updateBatch(id, input);
    forgetBroadcastLists(ctx.loaders);
    return reload(ctx.loaders.batch, id);
  }

  @FieldResolver(() => TextBroadcast, {
    nullable: true,
    description: "The broadcast the batch belongs to; null when CallFire does not say.",
  })
  broadcast(@Root() batch: Batch, @Ctx() ctx: Context): Promise<TextBroadcast> | null {
    // A batch always belongs to a broadcast, so a 404 here is a real error, not "no broadcast".
    return batch.broadcastId == null ? null : ctx.loaders.textBroadcast.load(batch.broadcastId);
  }

  @FieldResolver(() => TextPage, { description: "The texts of this batch, ordered by date." })
  async texts(
    @Root() batch: Batch,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Text>> {
    checkPage(page);
    // Without its broadcast id (CallFire always sends one) GET /texts?batchId= answers the same question.
    const result =
      batch.broadcastId == null
        ? await ctx.api.findTexts({ ...page, filter: { batchId: batch.id } })
        : await ctx.loaders.textBroadcastTexts.load({ broadcastId: batch.broadcastId, batchId: batch.id, ...page });
    primeAll(ctx.loaders.text, result.items);
    return result;
  }
}
