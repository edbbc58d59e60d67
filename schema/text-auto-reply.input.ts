import { Length } from "class-validator";
import { Field, InputType } from "type-graphql";

@InputType({ description: "A new auto-reply: give number and/or keyword, and the reply message." })
export class TextAutoReplyInput {
  @Field(() => String, { nullable: true, description: "The 11-digit number to listen on." })
  number?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The keyword to listen on (must be owned by the account).",
  })
  keyword?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Case-insensitive whole word an inbound text must contain; empty replies to every text.",
  })
  match?: string | null;

  @Field(() => String, { description: "The reply; ${text.message} is replaced by the inbound text." })
  @Length(1, 1600)
  message!: string;
}
