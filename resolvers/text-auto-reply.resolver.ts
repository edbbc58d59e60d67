import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { TextAutoReplyPage, type Page } from "../schema/page.type.js";
import { TextAutoReplyInput } from "../schema/text-auto-reply.input.js";
import { TextAutoReply } from "../schema/text-auto-reply.type.js";
import type { Context } from "../src/context.js";
import { loadOrNull, primeAll } from "./loading.js";
import { PageArgs } from "./page.args.js";
import { checkAutoReplyInput, checkId, checkPage } from "./validate.js";

const AUTO_REPLY_ID = "CallFire auto-reply id.";

@Resolver(() => TextAutoReply)
export class TextAutoReplyResolver {
  @Query(() => TextAutoReply, {
    nullable: true,
    description: "One auto-reply by id; null when CallFire does not know it (for example once deleted).",
  })
  textAutoReply(
    @Arg("id", () => ID, { description: AUTO_REPLY_ID }) id: string,
    @Ctx() ctx: Context,
  ): Promise<TextAutoReply | null> {
    checkId("id", id);
    return loadOrNull(ctx.loaders.textAutoReply, id);
  }

  @Query(() => TextAutoReplyPage, { description: "The account's auto-replies." })
  async textAutoReplies(
    @Arg("number", () => String, {
      nullable: true,
      description: "Only auto-replies on this number; all of the account's when left out.",
    })
    number: string | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<TextAutoReply>> {
    checkPage(page);
    const result = await ctx.api.findTextAutoReplies({ ...page, number });
    primeAll(ctx.loaders.textAutoReply, result.items);
    return result;
  }

  @Mutation(() => TextAutoReply, { description: "Create an auto-reply. Returns the new auto-reply." })
  async createTextAutoReply(
    @Arg("input", () => TextAutoReplyInput, { description: "The new auto-reply." }) input: TextAutoReplyInput,
    @Ctx() ctx: Context,
  ): Promise<TextAutoReply> {
    checkAutoReplyInput(input);
    const id = await ctx.api.createTextAutoReply(input);
    return ctx.loaders.textAutoReply.load(id);
  }

  @Mutation(() => ID, { description: "Delete an auto-reply. Returns the id that was deleted." })
  async deleteTextAutoReply(
    @Arg("id", () => ID, { description: AUTO_REPLY_ID }) id: string,
    @Ctx() ctx: Context,
  ): Promise<string> {
    checkId("id", id);
    await ctx.api.deleteTextAutoReply(id);
    ctx.loaders.textAutoReply.clear(id);
    return id;
  }
}
