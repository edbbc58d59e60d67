import { Length, ValidateNested } from "class-validator";
import { IDEMPOTENCY_KEY } from "./idempotency.args.js";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { RecipientInput, TextRecipientInput } from "../schema/recipient.input.js";
import { DateTimeScalar } from "../schema/scalars.js";
import {
  TextBroadcastFilter,
  TextBroadcastInput,
  TextBroadcastUpdateInput,
} from "../schema/text-broadcast.input.js";
import { LIMIT, OFFSET } from "./page.args.js";
import { IsCallFireId } from "../src/core/callfire-id.js";

const BROADCAST_ID = { description: "CallFire text broadcast id." } as const;
const STRICT = {
  nullable: true,
  description: "true: one invalid recipient number fails the whole request.",
} as const;

@ArgsType()
export class TextBroadcastArgs {
  @Field(() => ID, BROADCAST_ID)
  @IsCallFireId()
  id!: string;
}

@ArgsType()
export class TextBroadcastsArgs {
  @Field(() => TextBroadcastFilter, {
    nullable: true,
    description: "Which broadcasts; all but the archived ones when left out.",
  })
  filter?: TextBroadcastFilter | null;

  @Field(() => Int, LIMIT)
  limit?: number | null;

  @Field(() => Int, OFFSET)
  offset?: number | null;
}

@ArgsType()
export class CreateTextBroadcastArgs {
  @Field(() => TextBroadcastInput, { description: "The new broadcast." })
  @ValidateNested()
  input!: TextBroadcastInput;

  @Field(() => Boolean, { nullable: true, description: "true: start it right after creating it." })
  start?: boolean | null;

  @Field(() => Boolean, STRICT)
  strictValidation?: boolean | null;

  @Field(() => String, IDEMPOTENCY_KEY)
  @Length(1, 255)
  idempotencyKey?: string | null;
}

@ArgsType()
export class UpdateTextBroadcastArgs {
  @Field(() => ID, BROADCAST_ID)
  @IsCallFireId()
  id!: string;

  @Field(() => TextBroadcastUpdateInput, { description: "The changes; fields left out stay as they are." })
  @ValidateNested()
  input!: TextBroadcastUpdateInput;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: fail the request if CallFire finds anything invalid.",
  })
  strictValidation?: boolean | null;
}

@ArgsType()
export class AddTextBroadcastRecipientsArgs {
  @Field(() => ID, BROADCAST_ID)
  @IsCallFireId()
  broadcastId!: string;

  @Field(() => [TextRecipientInput], { description: "Who to add: 1 to 1000 recipients." })
  @ValidateNested()
  recipients!: TextRecipientInput[];

  @Field(() => Boolean, STRICT)
  strictValidation?: boolean | null;

  @Field(() => String, IDEMPOTENCY_KEY)
  @Length(1, 255)
  idempotencyKey?: string | null;
}

@ArgsType()
export class ToggleTextBroadcastRecipientsArgs {
  @Field(() => ID, BROADCAST_ID)
  @IsCallFireId()
  broadcastId!: string;

  @Field(() => [RecipientInput], { description: "Whose texts: 1 to 1000 recipients." })
  @ValidateNested()
  recipients!: RecipientInput[];

  @Field(() => Boolean, { description: "false: disable their unsent texts; true: enable them again." })
  enable!: boolean;
}

@ArgsType()
export class BroadcastTextsArgs {
  @Field(() => ID, { nullable: true, description: "Only texts of this batch." })
  @IsCallFireId()
  batchId?: string | null;

  @Field(() => Int, LIMIT)
  limit?: number | null;

  @Field(() => Int, OFFSET)
  offset?: number | null;
}

@ArgsType()
export class StatsArgs {
  @Field(() => DateTimeScalar, { nullable: true, description: "Count only texts created at or after this." })
  begin?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Count only texts created at or before this." })
  end?: Date | null;
}
