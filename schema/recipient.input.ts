import { ArrayMaxSize } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { IsPhoneNumber } from "./phone-number.rule.js";
import { JSONObjectScalar, type JSONObject } from "./scalars.js";
import { IsCallFireId } from "../src/core/callfire-id.js";

@InputType({ description: "A recipient of a batch or of a toggle: a phone number or an existing contact." })
export class RecipientInput {
  @Field(() => String, { nullable: true, description: "Phone number, digits only (e.g. 12132000384)." })
  @IsPhoneNumber()
  phoneNumber?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Id of an existing CallFire contact (instead of phoneNumber).",
  })
  @IsCallFireId()
  contactId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Sender number for this recipient, overriding the default.",
  })
  @IsPhoneNumber()
  fromNumber?: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: "Template variables and user data." })
  attributes?: JSONObject | null;
}

@InputType({ description: "A recipient of a text: a phone number or contact, with an optional own message." })
export class TextRecipientInput extends RecipientInput {
  @Field(() => String, {
    nullable: true,
    description: "This recipient's own message; overrides defaultMessage or the broadcast message.",
  })
  message?: string | null;

  @Field(() => [ID], { nullable: true, description: "Ids of uploaded media to attach (sends an MMS)." })
  @ArrayMaxSize(10)
  @IsCallFireId()
  mediaIds?: string[] | null;
}
