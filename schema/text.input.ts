import { Field, ID, InputType } from "type-graphql";
import { IsCallFireId } from "../src/core/callfire-id.js";
import { TextResult, TextState } from "./enums.js";
import { DateTimeScalar } from "./scalars.js";

@InputType({ description: "Filters for searching texts. All given filters must match." })
export class TextFilter {
  @Field(() => [ID], {
    nullable: true,
    description: "Only these texts; when given, CallFire ignores every other filter.",
  })
  @IsCallFireId()
  ids?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only texts of this broadcast; "0" is the default campaign (texts sent with sendTexts and no campaignId).',
  })
  @IsCallFireId()
  campaignId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only texts from this batch." })
  @IsCallFireId()
  batchId?: string | null;

  @Field(() => String, { nullable: true, description: "Only texts from this sender number or short code." })
  fromNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Only texts to this number." })
  toNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Only texts carrying this label." })
  label?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: inbound only; false: outbound only; unset: both.",
  })
  inbound?: boolean | null;

  @Field(() => [TextState], { nullable: true, description: "Only texts in one of these states." })
  states?: TextState[] | null;

  @Field(() => [TextResult], { nullable: true, description: "Only texts with one of these results." })
  results?: TextResult[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Only texts created at or after this time." })
  intervalBegin?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Only texts created at or before this time." })
  intervalEnd?: Date | null;
}
