import { Args, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";
import { PUBLIC_TAG, WRITE_TAG } from "../schema/federation.directives.js";
import { TextAutoReplyPage, type Page } from "../schema/page.type.js";
import { TextAutoReply } from "../schema/text-auto-reply.type.js";
import type { Context } from "./context.js";
import { CreateTextAutoReplyArgs, TextAutoRepliesArgs, TextAutoReplyArgs } from "./text-auto-reply.args.js";
import { checkAutoReplyInput, checkPage } from "./validate.js";

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
    return ctx.services.textAutoReplies.byId(id);
  }

  @Directive(PUBLIC_TAG)
  @Query(() => TextAutoReplyPage, { description: "The account's auto-replies." })
  textAutoReplies(
    @Args(() => TextAutoRepliesArgs) args: TextAutoRepliesArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<TextAutoReply>> {
    checkPage(args);
    return ctx.services.textAutoReplies.list(args);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => TextAutoReply, { description: "Create an auto-reply. Returns the new auto-reply." })
  createTextAutoReply(
    @Args(() => CreateTextAutoReplyArgs) { input, idempotencyKey }: CreateTextAutoReplyArgs,
    @Ctx() ctx: Context,
  ): Promise<TextAutoReply> {
    checkAutoReplyInput(input);
    return ctx.services.textAutoReplies.create(input, idempotencyKey);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => ID, { description: "Delete an auto-reply. Returns the id that was deleted." })
  deleteTextAutoReply(
    @Args(() => TextAutoReplyArgs) { id }: TextAutoReplyArgs,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.textAutoReplies.delete(id);
  }
}
