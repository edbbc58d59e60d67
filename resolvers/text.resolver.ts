import { Args, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { PUBLIC_TAG, WRITE_TAG } from "../schema/federation.directives.js";
import { Batch } from "../schema/batch.type.js";
import { TextPage, type Page } from "../schema/page.type.js";
import { TextBroadcast } from "../schema/text-broadcast.type.js";
import { Text } from "../schema/text.type.js";
import type { Context } from "./context.js";
import { SendTextsArgs, TextArgs, TextsArgs } from "./text.args.js";
import { checkPage, checkSendTexts, checkTextFilter } from "./validate.js";

@Resolver(() => Text)
export class TextResolver {
  @Directive(PUBLIC_TAG)
  @Query(() => Text, { nullable: true, description: "One text by id; null when CallFire does not know it." })
  text(@Args(() => TextArgs) { id }: TextArgs, @Ctx() ctx: Context): Promise<Text | null> {
    return ctx.services.texts.byId(id);
  }

  @Directive(PUBLIC_TAG)
  @Query(() => TextPage, { description: "Texts the account sent or received, newest first." })
  texts(@Args(() => TextsArgs) args: TextsArgs, @Ctx() ctx: Context): Promise<Page<Text>> {
    checkTextFilter(args.filter);
    checkPage(args);
    return ctx.services.texts.list(args);
  }

  @Directive(PUBLIC_TAG)
  @Directive(WRITE_TAG)
  @Mutation(() => [Text], {
    description:
      "Send one text per recipient now, without setting up a broadcast. Returns the new texts in recipient order. Never retried: a retry would text everyone twice.",
  })
  sendTexts(@Args(() => SendTextsArgs) args: SendTextsArgs, @Ctx() ctx: Context): Promise<Text[]> {
    checkSendTexts(args);
    return ctx.services.texts.send(args);
  }

  @FieldResolver(() => TextBroadcast, {
    nullable: true,
    description:
      "The text broadcast the text belongs to. Null for texts of the account's default campaign: texts sent with sendTexts and no campaignId carry the default campaign's real id, which is not a text broadcast (CallFire answers 404 for it), so a broadcast CallFire does not know also gives null.",
  })
  broadcast(@Root() text: Text, @Ctx() ctx: Context): Promise<TextBroadcast | null> | null {
    return ctx.services.textBroadcasts.ofText(text);
  }

  @FieldResolver(() => Batch, {
    nullable: true,
    description:
      "The contact batch the text came from; null when it came from none or CallFire does not know it.",
  })
  batch(@Root() text: Text, @Ctx() ctx: Context): Promise<Batch | null> | null {
    return ctx.services.batches.ofText(text);
  }
}
