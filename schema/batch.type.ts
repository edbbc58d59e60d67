import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ENTITY_KEY, PUBLIC_TAG } from "./federation.directives.js";
import { BatchStatus } from "./enums.js";
import { DateTimeScalar } from "./scalars.js";

@Directive(ENTITY_KEY)
@Directive(PUBLIC_TAG)
@ObjectType({ description: "A batch of recipients added to a broadcast; it can be switched on and off." })
export class Batch {
  @Field(() => ID, { description: "CallFire batch id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "Batch name." })
  name?: string | null;

  @Field(() => BatchStatus, { nullable: true, description: "Validation status." })
  status?: BatchStatus | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the batch was added." })
  created?: Date | null;

  @Field(() => Int, { nullable: true, description: "Number of recipients in the batch." })
  size?: number | null;

  @Field(() => Int, { nullable: true, description: "Recipients not texted yet." })
  remaining?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the batch's recipients are texted." })
  enabled?: boolean | null;

  @Field(() => ID, { nullable: true, description: "Id of the broadcast the batch belongs to." })
  broadcastId?: string | null;
}
