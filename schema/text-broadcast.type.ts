import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ENTITY_KEY, PUBLIC_TAG, SHAREABLE } from "./federation.directives.js";
import { BigMessageStrategy, BroadcastStatus } from "./enums.js";
import { DateTimeScalar } from "./scalars.js";
import { Schedule } from "./schedule.type.js";
import { Media } from "./text.type.js";

@Directive(PUBLIC_TAG)
@Directive(SHAREABLE)
@ObjectType({ description: "A daily window, in each recipient's local time, in which texts may go out." })
export class LocalTimeRestriction {
  @Field(() => Boolean, { nullable: true, description: "Whether the window applies." })
  enabled?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Window start hour (0-23)." })
  beginHour?: number | null;

  @Field(() => Int, { nullable: true, description: "Window start minute (0-59)." })
  beginMinute?: number | null;

  @Field(() => Int, { nullable: true, description: "Window end hour (0-23)." })
  endHour?: number | null;

  @Field(() => Int, { nullable: true, description: "Window end minute (0-59)." })
  endMinute?: number | null;
}

@Directive(ENTITY_KEY)
@Directive(PUBLIC_TAG)
@ObjectType({ description: "A text broadcast: one message sent to many recipients, in batches." })
export class TextBroadcast {
  @Field(() => ID, { description: "CallFire broadcast (campaign) id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "Broadcast name." })
  name?: string | null;

  @Field(() => BroadcastStatus, { nullable: true, description: "Life-cycle status." })
  status?: BroadcastStatus | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the broadcast last changed." })
  lastModified?: Date | null;

  @Field(() => String, { nullable: true, description: "Sender number or short code." })
  fromNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Message template; ${name} placeholders are filled from recipient attributes.",
  })
  message?: string | null;

  @Field(() => BigMessageStrategy, {
    nullable: true,
    description: "What happens to messages over 160 characters.",
  })
  bigMessageStrategy?: BigMessageStrategy | null;

  @Field(() => [String], { description: "Labels on the broadcast." })
  labels!: string[];

  @Field(() => Int, { nullable: true, description: "Most texts in flight at once." })
  maxActive?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Continue an unfinished broadcast the next day." })
  resumeNextDay?: boolean | null;

  @Field(() => LocalTimeRestriction, {
    nullable: true,
    description: "Daily sending window in recipients' local time.",
  })
  localTimeRestriction?: LocalTimeRestriction | null;

  @Field(() => [Schedule], { description: "When the broadcast runs by itself; empty when started by hand." })
  schedules!: Schedule[];

  @Field(() => [Media], { description: "Media attached to the broadcast's messages." })
  media!: Media[];
}

@Directive(PUBLIC_TAG)
@ObjectType({ description: "Counters of a text broadcast's texts." })
export class TextBroadcastStats {
  @Field(() => Int, { nullable: true, description: "All outbound texts." })
  totalOutboundCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Outbound texts not yet in a final state." })
  remainingOutboundCount?: number | null;

  @Field(() => Float, { nullable: true, description: "Credits charged." })
  billedAmount?: number | null;

  @Field(() => Int, { nullable: true, description: "Texts sent (result SENT)." })
  sentCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Texts not sent." })
  unsentCount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Texts received (CallFire spells it "recievedCount").' })
  receivedCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Texts not sent because of the do-not-text list (DNT)." })
  doNotTextCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Texts not sent because they were too big (TOO_BIG)." })
  tooBigCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Texts that failed with an internal or carrier error." })
  errorCount?: number | null;
}
