import { Args, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { PUBLIC_TAG, WRITE_TAG } from "../schema/federation.directives.js";
import { Batch } from "../schema/batch.type.js";
import { TextPage, type Page } from "../schema/page.type.js";
import { TextBroadcast } from "../schema/text-broadcast.type.js";
import type { Text } from "../schema/text.type.js";
import { forgetBatch, forgetTextBroadcast, forgetTextStates, primeTexts } from "../datasources/loaders.js";
import type { Context } from "./context.js";
import { AddTextBroadcastBatchArgs, BatchArgs, UpdateBatchArgs } from "./batch.args.js";
import { loadOrNull } from "./loading.js";
import { sentBatch } from "./sent-objects.js";
import { loadCreated } from "./stored-outcome.js";
import { PageArgs } from "./page.args.js";
import { checkBatchInput, checkId, checkPage, checkSomeField } from "./validate.js";

@Resolver(() => Batch)
export class BatchResolver {
  @Directive(PUBLIC_TAG)
  @Query(() => Batch, {
    nullable: true,
    description: "One contact batch by id; null when CallFire does not know it.",
  })
  batch(@Args(() => BatchArgs) { id }: BatchArgs, @Ctx() ctx: Context): Promise<Batch | null> {
    checkId("id", id);
    return loadOrNull(ctx.loaders.batch, id);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => Batch, {
    description:
      "Add a batch of recipients to a broadcast, from a contact list or from recipients. CallFire validates it (status NEW, VALIDATING, then ACTIVE or ERRORS). Returns the new batch. Never retried.",
  })
  async addTextBroadcastBatch(
    @Args(() => AddTextBroadcastBatchArgs) args: AddTextBroadcastBatchArgs,
    @Ctx() ctx: Context,
  ): Promise<Batch> {
    const { broadcastId, input, strictValidation, idempotencyKey } = args;
    checkId("broadcastId", broadcastId);
    checkBatchInput(input);
    const id = await ctx.idempotency.run("addTextBroadcastBatch", idempotencyKey, args, () =>
      ctx.api.addTextBroadcastBatch(broadcastId, input, { strictValidation }),
    );
    forgetTextBroadcast(ctx.loaders, broadcastId);
    return loadCreated(ctx.loaders.batch, id, () => sentBatch(id, broadcastId, input), ctx.log);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => Batch, {
    description:
      "Switch a batch on or off (CallFire honours only enabled). Returns the batch as it stands afterwards.",
  })
  async updateBatch(
    @Args(() => UpdateBatchArgs) { id, input }: UpdateBatchArgs,
    @Ctx() ctx: Context,
  ): Promise<Batch> {
    checkId("id", id);
    checkSomeField("input", input);
    await ctx.api.updateBatch(id, input);
    // Switching a batch off disables its unsent texts.
    forgetBatch(ctx.loaders, id);
    forgetTextStates(ctx.loaders);
    return ctx.loaders.batch.load(id);
  }

  @FieldResolver(() => TextBroadcast, {
    nullable: true,
    description: "The broadcast the batch belongs to; null when CallFire does not say.",
  })
  broadcast(@Root() batch: Batch, @Ctx() ctx: Context): Promise<TextBroadcast> | null {
    // Every batch belongs to a broadcast, so a 404 here is a real error (NOT_FOUND), not "no broadcast".
    return batch.broadcastId == null ? null : ctx.loaders.textBroadcast.load(batch.broadcastId);
  }

  // Nullable: its own CallFire call, whose failure must not blank the batch or the list it is in.
  @FieldResolver(() => TextPage, {
    nullable: true,
    description:
      "The texts of this batch, ordered by date; null (with an error) when CallFire could not list them.",
  })
  async texts(
    @Root() batch: Batch,
    @Args(() => PageArgs) { limit, offset }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Text>> {
    checkPage({ limit, offset });
    if (batch.broadcastId != null) {
      return ctx.loaders.textBroadcastTexts.load({
        broadcastId: batch.broadcastId,
        batchId: batch.id,
        limit,
        offset,
      });
    }
    // Without its broadcast id (CallFire always sends one) GET /texts?batchId= answers the same question.
    const page = await ctx.api.findTexts({ filter: { batchId: batch.id }, limit, offset });
    primeTexts(ctx.loaders, page.items);
    return page;
  }
}
