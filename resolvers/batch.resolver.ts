import { Args, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { PUBLIC_TAG, WRITE_TAG } from "../schema/federation.directives.js";
import { Batch } from "../schema/batch.type.js";
import { TextPage, type Page } from "../schema/page.type.js";
import { TextBroadcast } from "../schema/text-broadcast.type.js";
import type { Text } from "../schema/text.type.js";
import type { Context } from "./context.js";
import { AddTextBroadcastBatchArgs, BatchArgs, UpdateBatchArgs } from "./batch.args.js";
import { PageArgs } from "./page.args.js";
import { checkBatchInput, checkPage, checkSomeField } from "./validate.js";

@Resolver(() => Batch)
export class BatchResolver {
  @Directive(PUBLIC_TAG)
  @Query(() => Batch, {
    nullable: true,
    description: "One contact batch by id; null when CallFire does not know it.",
  })
  batch(@Args(() => BatchArgs) { id }: BatchArgs, @Ctx() ctx: Context): Promise<Batch | null> {
    return ctx.services.batches.byId(id);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => Batch, {
    description:
      "Add a batch of recipients to a broadcast, from a contact list or from recipients. CallFire validates it (status NEW, VALIDATING, then ACTIVE or ERRORS). Returns the new batch. Never retried.",
  })
  addTextBroadcastBatch(
    @Args(() => AddTextBroadcastBatchArgs) args: AddTextBroadcastBatchArgs,
    @Ctx() ctx: Context,
  ): Promise<Batch> {
    checkBatchInput(args.input);
    return ctx.services.batches.add(args);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => Batch, {
    description:
      "Switch a batch on or off (CallFire honours only enabled). Returns the batch as it stands afterwards.",
  })
  updateBatch(
    @Args(() => UpdateBatchArgs) { id, input }: UpdateBatchArgs,
    @Ctx() ctx: Context,
  ): Promise<Batch> {
    checkSomeField("input", input);
    return ctx.services.batches.update(id, input);
  }

  @FieldResolver(() => TextBroadcast, {
    nullable: true,
    description: "The broadcast the batch belongs to; null when CallFire does not say.",
  })
  broadcast(@Root() batch: Batch, @Ctx() ctx: Context): Promise<TextBroadcast> | null {
    return ctx.services.batches.broadcastOf(batch);
  }

  // Nullable: its own CallFire call, whose failure must not blank the batch or the list it is in.
  @FieldResolver(() => TextPage, {
    nullable: true,
    description:
      "The texts of this batch, ordered by date; null (with an error) when CallFire could not list them.",
  })
  texts(
    @Root() batch: Batch,
    @Args(() => PageArgs) { limit, offset }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Text>> {
    checkPage({ limit, offset });
    return ctx.services.batches.texts(batch, { limit, offset });
  }
}
