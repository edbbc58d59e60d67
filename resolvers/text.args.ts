import { Length, ValidateNested } from "class-validator";
import { IDEMPOTENCY_KEY } from "./idempotency.args.js";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { TextRecipientInput } from "../schema/recipient.input.js";
import { TextFilter } from "../schema/text.input.js";
import { LIMIT, OFFSET } from "./page.args.js";
import { IsCallFireId } from "../src/core/callfire-id.js";

@ArgsType()
export class TextArgs {
  @Field(() => ID, { description: "CallFire text id." })
  @IsCallFireId()
  id!: string;
}

@ArgsType()
export class TextsArgs {
  @Field(() => TextFilter, { nullable: true, description: "Which texts; all of them when left out." })
  @ValidateNested()
  filter?: TextFilter | null;

  @Field(() => Int, LIMIT)
  limit?: number | null;

  @Field(() => Int, OFFSET)
  offset?: number | null;
}

@ArgsType()
export class SendTextsArgs {
  @Field(() => [TextRecipientInput], { description: "Who to text: 1 to 1000 recipients." })
  @ValidateNested()
  recipients!: TextRecipientInput[];

  @Field(() => ID, {
    nullable: true,
    description: "Send through this text broadcast (its settings apply); the default campaign when left out.",
  })
  @IsCallFireId()
  campaignId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Message for every recipient that has no message of its own.",
  })
  defaultMessage?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: one invalid number fails the whole request instead of yielding an INVALID text.",
  })
  strictValidation?: boolean | null;

  @Field(() => String, IDEMPOTENCY_KEY)
  @Length(1, 255)
  idempotencyKey?: string | null;
}
