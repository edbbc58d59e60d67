import { Directive, Field, Float, ID, ObjectType } from "type-graphql";
import { ENTITY_KEY, PUBLIC_TAG, SHAREABLE } from "./federation.directives.js";
import { TextResult, TextState } from "./enums.js";
import { DateTimeScalar, JSONObjectScalar, type JSONObject } from "./scalars.js";

@Directive(PUBLIC_TAG)
@Directive(SHAREABLE)
@ObjectType({ description: "A CallFire contact, as embedded in a text." })
export class Contact {
  @Field(() => ID, { description: "CallFire contact id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "First name." })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "Last name." })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: "Home phone number (digits, no +)." })
  homePhone?: string | null;

  @Field(() => String, { nullable: true, description: "Work phone number (digits, no +)." })
  workPhone?: string | null;

  @Field(() => String, { nullable: true, description: "Mobile phone number (digits, no +)." })
  mobilePhone?: string | null;
}

@Directive(PUBLIC_TAG)
@Directive(SHAREABLE)
@ObjectType({ description: "A media file attached to an MMS or a broadcast." })
export class Media {
  @Field(() => ID, { description: "CallFire media id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "File name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "MIME type, e.g. image/jpeg." })
  mediaType?: string | null;

  @Field(() => Float, { nullable: true, description: "Size in bytes." })
  lengthInBytes?: number | null;

  @Field(() => String, { nullable: true, description: "Public URL of the file." })
  publicUrl?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was uploaded." })
  created?: Date | null;
}

@Directive(PUBLIC_TAG)
@ObjectType({ description: "One delivery attempt of a text." })
export class TextRecord {
  @Field(() => ID, { nullable: true, description: "CallFire record id." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "The number tried in this attempt." })
  toNumber?: string | null;

  @Field(() => String, { nullable: true, description: "The message sent in this attempt." })
  message?: string | null;

  @Field(() => TextResult, { nullable: true, description: "The result of this attempt." })
  textResult?: TextResult | null;

  @Field(() => Float, { nullable: true, description: "Credits charged for this attempt." })
  billedAmount?: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When this attempt finished." })
  finishTime?: Date | null;
}

@Directive(ENTITY_KEY)
@Directive(PUBLIC_TAG)
@ObjectType({ description: "An SMS or MMS sent or received through CallFire (a text action)." })
export class Text {
  @Field(() => ID, { description: "CallFire text id (int64 on the wire, a string here)." })
  id!: string;

  @Field(() => String, { nullable: true, description: "Sender number or short code." })
  fromNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Recipient number." })
  toNumber?: string | null;

  @Field(() => Boolean, { nullable: true, description: "True for a text received from a phone." })
  inbound?: boolean | null;

  @Field(() => TextState, { nullable: true, description: "Processing state." })
  state?: TextState | null;

  @Field(() => TextResult, { nullable: true, description: "Final result, present once processed." })
  finalTextResult?: TextResult | null;

  @Field(() => String, { nullable: true, description: "The message, after template substitution." })
  message?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the text was created." })
  created?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the text last changed." })
  modified?: Date | null;

  @Field(() => [String], { description: "Labels on the text." })
  labels!: string[];

  @Field(() => JSONObjectScalar, { nullable: true, description: "The recipient's attributes." })
  attributes?: JSONObject | null;

  @Field(() => [TextRecord], { description: "Delivery attempts, one per number tried." })
  records!: TextRecord[];

  @Field(() => [Media], { description: "MMS attachments." })
  media!: Media[];

  @Field(() => Contact, { nullable: true, description: "The recipient contact." })
  contact?: Contact | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Id of the campaign (broadcast) the text belongs to; the default campaign's id for texts sent with sendTexts.",
  })
  campaignId?: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the contact batch the text came from." })
  batchId?: string | null;
}
