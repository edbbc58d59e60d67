import { Args, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { PUBLIC_TAG, WRITE_TAG } from "../schema/federation.directives.js";
import { Batch } from "../schema/batch.type.js";
import { TextPage, type Page } from "../schema/page.type.js";
import { TextBroadcast } from "../schema/text-broadcast.type.js";
import { Text } from "../schema/text.type.js";
import { forgetTextBroadcast, primeTexts } from "../datasources/loaders.js";
import type { Context } from "./context.js";
import { loadOrNull, replayTexts } from "./loading.js";
import { storeTexts } from "./stored-outcome.js";
import { SendTextsArgs, TextArgs, TextsArgs } from "./text.args.js";
import { checkId, checkPage, checkSendTexts, checkTextFilter } from "./validate.js";

/** campaignId of the account's default campaign as a filter value (texts keep its real id). */
const DEFAULT_CAMPAIGN_ID = "0";

@Resolver(() => Text)
export class TextResolver {
  @Directive(PUBLIC_TAG)
  @Query(() => Text, { nullable: true, description: "One text by id; null when CallFire does not know it." })
  text(@Args(() => TextArgs) { id }: TextArgs, @Ctx() ctx: Context): Promise<Text | null> {
    checkId("id", id);
    return loadOrNull(ctx.loaders.text, id);
  }

  @Directive(PUBLIC_TAG)
  @Query(() => TextPage, { description: "Texts the account sent or received, newest first." })
  async texts(@Args(() => TextsArgs) args: TextsArgs, @Ctx() ctx: Context): Promise<Page<Text>> {
    checkTextFilter(args.filter);
    checkPage(args);
    const page = await ctx.api.findTexts(args);
    primeTexts(ctx.loaders, page.items);
    return page;
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => [Text], {
    description:
      "Send one text per recipient now, without setting up a broadcast. Returns the new texts in recipient order. Never retried: a retry would text everyone twice.",
  })
  async sendTexts(@Args(() => SendTextsArgs) args: SendTextsArgs, @Ctx() ctx: Context): Promise<Text[]> {
    checkSendTexts(args);
    // With an idempotencyKey CallFire is asked for whole texts, and they are stored: a repeat may select
    // other fields than the first call did (partial responses).
    let sent: Text[] | undefined;
    const outcome = await ctx.idempotency.run("sendTexts", args.idempotencyKey, args, async () => {
      sent = await ctx.api.sendTexts({ ...args, wholeTexts: args.idempotencyKey != null });
      return storeTexts(sent);
    });
    if (!sent) return replayTexts(ctx, outcome);
    primeTexts(ctx.loaders, sent);
    // Texts sent through a broadcast change it, its stats and its text pages.
    if (args.campaignId != null) forgetTextBroadcast(ctx.loaders, args.campaignId);
    return sent;
  }

  @FieldResolver(() => TextBroadcast, {
    nullable: true,
    description:
      "The text broadcast the text belongs to. Null for texts of the account's default campaign: texts sent with sendTexts and no campaignId carry the default campaign's real id, which is not a text broadcast (CallFire answers 404 for it), so a broadcast CallFire does not know also gives null.",
  })
  broadcast(@Root() text: Text, @Ctx() ctx: Context): Promise<TextBroadcast | null> | null {
    if (text.campaignId == null || text.campaignId === DEFAULT_CAMPAIGN_ID) return null;
    return loadOrNull(ctx.loaders.textBroadcast, text.campaignId);
  }

  @FieldResolver(() => Batch, {
    nullable: true,
    description:
      "The contact batch the text came from; null when it came from none or CallFire does not know it.",
  })
  batch(@Root() text: Text, @Ctx() ctx: Context): Promise<Batch | null> | null {
    if (text.batchId == null) return null;
    return loadOrNull(ctx.loaders.batch, text.batchId);
  }
}
