import { ArrayMaxSize, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { RecipientInput } from "./recipient.input.js";
import { IsCallFireId } from "../src/core/callfire-id.js";

@InputType({ description: "A new batch of recipients for a broadcast: give contactListId or recipients." })
export class BatchInput {
  @Field(() => String, { nullable: true, description: "Batch name." })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: "Id of an existing contact list to use as the batch." })
  @IsCallFireId()
  contactListId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Remove repeated numbers while validating." })
  scrubDuplicates?: boolean | null;

  @Field(() => [RecipientInput], { nullable: true, description: "The recipients of the batch." })
  @ArrayMaxSize(10000)
  @ValidateNested()
  recipients?: RecipientInput[] | null;
}

@InputType({ description: "Changes to a batch." })
export class BatchUpdateInput {
  @Field(() => String, {
    nullable: true,
    description: "New name (CallFire may ignore it; only enabled is honoured).",
  })
  name?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Switch the batch on or off; a disabled batch's recipients are not texted.",
  })
  enabled?: boolean | null;
}
