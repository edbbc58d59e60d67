import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ENTITY_KEY, PUBLIC_TAG } from "./federation.directives.js";

@Directive(ENTITY_KEY)
@Directive(PUBLIC_TAG)
@ObjectType({ description: "An automatic reply to inbound texts on a number or keyword." })
export class TextAutoReply {
  @Field(() => ID, { description: "CallFire auto-reply id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The 11-digit number the auto-reply listens on." })
  number?: string | null;

  @Field(() => String, { nullable: true, description: "The keyword the auto-reply listens on." })
  keyword?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Case-insensitive whole word an inbound text must contain; empty replies to every text.",
  })
  match?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The reply; ${text.message} is replaced by the inbound text.",
  })
  message?: string | null;
}
