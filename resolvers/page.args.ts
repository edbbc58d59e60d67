import { ArgsType, Field, Int } from "type-graphql";
import { MAX_LIMIT } from "./validate.js";

/** Options of every list field's limit and offset, as CallFire pages them (checked by checkPage). */
export const LIMIT = {
  nullable: true,
  description: `Page size, 1 to ${MAX_LIMIT}; CallFire answers 100 items when it is left out.`,
} as const;

export const OFFSET = {
  nullable: true,
  description: "Index of the first item to return (0-based); default 0.",
} as const;

/**
 * Arguments are declared in @ArgsType classes, never as inline @Arg parameters: type-graphql lists
 * parameter decorators in reverse order, so inline arguments would appear backwards in the schema.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, LIMIT)
  limit?: number | null;

  @Field(() => Int, OFFSET)
  offset?: number | null;
}
