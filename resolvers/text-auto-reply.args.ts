import { Length, ValidateNested } from "class-validator";
import { IDEMPOTENCY_KEY } from "./idempotency.args.js";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { TextAutoReplyInput } from "../schema/text-auto-reply.input.js";
import { LIMIT, OFFSET } from "./page.args.js";
import { IsCallFireId } from "../src/core/callfire-id.js";

@ArgsType()
export class TextAutoReplyArgs {
  @Field(() => ID, { description: "CallFire auto-reply id." })
  @IsCallFireId()
  id!: string;
}

@ArgsType()
export class TextAutoRepliesArgs {
  @Field(() => String, {
    nullable: true,
    description: "Only auto-replies on this number; all of the account's when left out.",
  })
  number?: string | null;

  @Field(() => Int, LIMIT)
  limit?: number | null;

  @Field(() => Int, OFFSET)
  offset?: number | null;
}

@ArgsType()
export class CreateTextAutoReplyArgs {
  @Field(() => TextAutoReplyInput, { description: "The new auto-reply." })
  @ValidateNested()
  input!: TextAutoReplyInput;

  @Field(() => String, IDEMPOTENCY_KEY)
  @Length(1, 255)
  idempotencyKey?: string | null;
}
