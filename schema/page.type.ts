// One page type per item type, mirroring CallFire's Page envelope.
import { Directive, type ClassType, Field, Int, ObjectType } from "type-graphql";
import { PUBLIC_TAG } from "./federation.directives.js";
import { Batch } from "./batch.type.js";
import { TextAutoReply } from "./text-auto-reply.type.js";
import { TextBroadcast } from "./text-broadcast.type.js";
import { Text } from "./text.type.js";

export interface Page<T> {
  items: T[];
  limit?: number | null;
  offset?: number | null;
  totalCount?: number | null;
  hasMore: boolean;
}

function PageOf<T extends object>(itemType: ClassType<T>, itemsName: string) {
  @ObjectType()
  abstract class PageClass implements Page<T> {
    @Field(() => [itemType], { description: `The ${itemsName} on this page.` })
    items!: T[];

    @Field(() => Int, { nullable: true, description: "The page size asked for." })
    limit?: number | null;

    @Field(() => Int, { nullable: true, description: "Index of the first item of this page (0-based)." })
    offset?: number | null;

    @Field(() => Int, {
      nullable: true,
      description: "All matching items, or -1 when CallFire does not know.",
    })
    totalCount?: number | null;

    @Field(() => Boolean, { description: "Whether another page follows this one." })
    hasMore!: boolean;
  }
  return PageClass;
}

@Directive(PUBLIC_TAG)
@ObjectType({ description: "A page of texts." })
export class TextPage extends PageOf(Text, "texts") {}

@Directive(PUBLIC_TAG)
@ObjectType({ description: "A page of text broadcasts." })
export class TextBroadcastPage extends PageOf(TextBroadcast, "text broadcasts") {}

@Directive(PUBLIC_TAG)
@ObjectType({ description: "A page of batches." })
export class BatchPage extends PageOf(Batch, "batches") {}

@Directive(PUBLIC_TAG)
@ObjectType({ description: "A page of auto-replies." })
export class TextAutoReplyPage extends PageOf(TextAutoReply, "auto-replies") {}
