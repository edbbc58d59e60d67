import { Args, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";
import { PUBLIC_TAG, WRITE_TAG } from "../schema/federation.directives.js";
import { TextAutoReplyPage, type Page } from "../schema/page.type.js";
import { TextAutoReply } from "../schema/text-auto-reply.type.js";
import { forgetTextAutoReply, primeTextAutoReplies } from "../datasources/loaders.js";
import type { Context } from "./context.js";
import { loadOrNull } from "./loading.js";
import { sentTextAutoReply } from "./sent-objects.js";
import { loadCreated } from "./stored-outcome.js";
import { CreateTextAutoReplyArgs, TextAutoRepliesArgs, TextAutoReplyArgs } from "./text-auto-reply.args.js";
import { checkAutoReplyInput, checkId, checkPage } from "./validate.js";

@Resolver(() => TextAutoReply)
export class TextAutoReplyResolver {
  @Directive(PUBLIC_TAG)
  @Query(() => TextAutoReply, {
    nullable: true,
    description: "One auto-reply by id; null when CallFire does not know it (for example once deleted).",
  })
  textAutoReply(
    @Args(() => TextAutoReplyArgs) { id }: TextAutoReplyArgs,
    @Ctx() ctx: Context,
  ): Promise<TextAutoReply | null> {
    checkId("id", id);
    return loadOrNull(ctx.loaders.textAutoReply, id);
  }

  @Directive(PUBLIC_TAG)
  @Query(() => TextAutoReplyPage, { description: "The account's auto-replies." })
  async textAutoReplies(
    @Args(() => TextAutoRepliesArgs) args: TextAutoRepliesArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<TextAutoReply>> {
    checkPage(args);
    const page = await ctx.api.findTextAutoReplies(args);
    primeTextAutoReplies(ctx.loaders, page.items);
    return page;
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextAutoReply, { description: "Create an auto-reply. Returns the new auto-reply." })
  async createTextAutoReply(
    @Args(() => CreateTextAutoReplyArgs) { input, idempotencyKey }: CreateTextAutoReplyArgs,
    @Ctx() ctx: Context,
  ): Promise<TextAutoReply> {
    checkAutoReplyInput(input);
    const id = await ctx.idempotency.run("createTextAutoReply", idempotencyKey, { input }, () =>
      ctx.api.createTextAutoReply(input),
    );
    return loadCreated(ctx.loaders.textAutoReply, id, () => sentTextAutoReply(id, input), ctx.log);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => ID, { description: "Delete an auto-reply. Returns the id that was deleted." })
  async deleteTextAutoReply(
    @Args(() => TextAutoReplyArgs) { id }: TextAutoReplyArgs,
    @Ctx() ctx: Context,
  ): Promise<string> {
    checkId("id", id);
    await ctx.api.deleteTextAutoReply(id);
    forgetTextAutoReply(ctx.loaders, id);
    return id;
  }
}
