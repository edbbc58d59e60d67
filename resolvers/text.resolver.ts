import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Batch } from "../schema/batch.type.js";
import { TextPage, type Page } from "../schema/page.type.js";
import { TextRecipientInput } from "../schema/recipient.input.js";
import { TextBroadcast } from "../schema/text-broadcast.type.js";
import { TextFilter } from "../schema/text.input.js";
import { Text } from "../schema/text.type.js";
import type { Context } from "../src/context.js";
import { forgetBroadcastLists, loadOrNull, primeAll } from "./loading.js";
import { PageArgs } from "./page.args.js";
import { checkId, checkPage, checkSendTexts, checkTextFilter } from "./validate.js";

/** campaignId of texts in the account's default campaign when CallFire reports it as 0. */
const DEFAULT_CAMPAIGN_ID = "0";

@Resolver(() => Text)
export class TextResolver {
  @Query(() => Text, { nullable: true, description: "One text by id; null when CallFire does not know it." })
  text(
    @Arg("id", () => ID, { description: "CallFire text id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Text | null> {
    checkId("id", id);
    return loadOrNull(ctx.loaders.text, id);
  }

  @Query(() => TextPage, { description: "Texts the account sent or received, newest first." })
  async texts(
    @Arg("filter", () => TextFilter, { nullable: true, description: "Which texts; all of them when left out." })
    filter: TextFilter | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<Text>> {
    checkTextFilter(filter);
    checkPage(page);
    const result = await ctx.api.findTexts({ ...page, filter });
    primeAll(ctx.loaders.text, result.items);
    return result;
  }

  @Mutation(() => [Text], {
    description:
      "Send one text per recipient now, without setting up a broadcast. Returns the new texts in recipient order. Never retried: a retry would text everyone twice.",
  })
  async sendTexts(
    @Arg("recipients", () => [TextRecipientInput], { description: "Who to text: 1 to 1000 recipients." })
    recipients: TextRecipientInput[],
    @Arg("campaignId", () => ID, {
      nullable: true,
      description: "Send through this text broadcast (its settings apply); the default campaign when left out.",
    })
    campaignId: string | null | undefined,
    @Arg("defaultMessage", () => String, {
      nullable: true,
      description: "Message for every recipient that has no message of its own.",
    })
    defaultMessage: string | null | undefined,
    @Arg("strictValidation", () => Boolean, {
      nullable: true,
      description: "true: one invalid number fails the whole request instead of yielding an INVALID text.",
    })
    strictValidation: boolean | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Text[]> {
    checkSendTexts({ recipients, campaignId, defaultMessage });
    const texts = await ctx.api.sendTexts({ recipients, campaignId, defaultMessage, strictValidation });
    primeAll(ctx.loaders.text, texts);
    if (campaignId != null) forgetBroadcastLists(ctx.loaders);
    return texts;
  }

  @FieldResolver(() => TextBroadcast, {
    nullable: true,
    description:
      "The text broadcast the text belongs to. Null for texts of the account's default campaign: texts sent with sendTexts and no campaignId carry the default campaign's real id, which is not a text broadcast (CallFire answers 404 for it).",
  })
  broadcast(@Root() text: Text, @Ctx() ctx: Context): Promise<TextBroadcast | null> | null {
    if (text.campaignId == null || text.campaignId === DEFAULT_CAMPAIGN_ID) return null;
    return loadOrNull(ctx.loaders.textBroadcast, text.campaignId);
  }

  @FieldResolver(() => Batch, {
    nullable: true,
    description: "The contact batch the text came from; null when it came from none or CallFire no longer knows it.",
  })
  batch(@Root() text: Text, @Ctx() ctx: Context): Promise<Batch | null> | null {
    if (text.batchId == null) return null;
    return loadOrNull(ctx.loaders.batch, text.batchId);
  }
}
