import { Length, ValidateNested } from "class-validator";
import { IDEMPOTENCY_KEY } from "./idempotency.args.js";
import { ArgsType, Field, ID } from "type-graphql";
import { BatchInput, BatchUpdateInput } from "../schema/batch.input.js";
import { IsCallFireId } from "../src/core/callfire-id.js";

@ArgsType()
export class BatchArgs {
  @Field(() => ID, { description: "CallFire batch id." })
  @IsCallFireId()
  id!: string;
}

@ArgsType()
export class AddTextBroadcastBatchArgs {
  @Field(() => ID, { description: "CallFire text broadcast id." })
  @IsCallFireId()
  broadcastId!: string;

  @Field(() => BatchInput, { description: "The new batch: a contact list or recipients." })
  @ValidateNested()
  input!: BatchInput;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: one invalid recipient number fails the whole request.",
  })
  strictValidation?: boolean | null;

  @Field(() => String, IDEMPOTENCY_KEY)
  @Length(1, 255)
  idempotencyKey?: string | null;
}

@ArgsType()
export class UpdateBatchArgs {
  @Field(() => ID, { description: "CallFire batch id." })
  @IsCallFireId()
  id!: string;

  @Field(() => BatchUpdateInput, { description: "The changes." })
  @ValidateNested()
  input!: BatchUpdateInput;
}
