import { ArgsType, Field, ID } from "type-graphql";
import { IsPhoneNumber } from "../schema/phone-number.rule.js";
import { IsCallFireId } from "../src/core/callfire-id.js";

@ArgsType()
export class TextReceivedArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Only texts sent to this number of the account (e.g. 67076 or 12135550100); all when left out.",
  })
  @IsPhoneNumber()
  toNumber?: string | null;
}

@ArgsType()
export class TextFinishedArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only this broadcast's texts; all the account's when left out.",
  })
  @IsCallFireId()
  broadcastId?: string | null;
}

@ArgsType()
export class TextBroadcastStatusChangedArgs {
  @Field(() => ID, { nullable: true, description: "Only this broadcast; all the account's when left out." })
  @IsCallFireId()
  id?: string | null;
}
