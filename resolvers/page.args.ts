import { ArgsType, Field, Int } from "type-graphql";
import { MAX_LIMIT } from "./validate.js";

/** limit and offset of every list field, as CallFire pages them (checked by checkPage). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1 to ${MAX_LIMIT}; CallFire answers 100 items when it is left out.`,
  })
  limit?: number | null;

  @Field(() => Int, { nullable: true, description: "Index of the first item to return (0-based); default 0." })
  offset?: number | null;
}
