import { ArrayMaxSize, Length, Max, Min, ValidateNested } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { BigMessageStrategy } from "./enums.js";
import { TextRecipientInput } from "./recipient.input.js";
import { ScheduleInput } from "./schedule.input.js";
import { DateTimeScalar } from "./scalars.js";

/** CallFire documents no limit; a broadcast needs a handful at most, and the bound keeps requests small. */
const MAX_SCHEDULES = 50;

@InputType({ description: "Filters for searching text broadcasts. Archived broadcasts are never returned." })
export class TextBroadcastFilter {
  @Field(() => String, { nullable: true, description: "Only broadcasts with this name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Only broadcasts carrying this label." })
  label?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only broadcasts that are running now." })
  running?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only broadcasts that are (or are not) scheduled." })
  scheduled?: boolean | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Only broadcasts changed at or after this time.",
  })
  intervalBegin?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Only broadcasts changed at or before this time.",
  })
  intervalEnd?: Date | null;
}

@InputType({ description: "A daily sending window in each recipient's local time." })
export class LocalTimeRestrictionInput {
  @Field(() => Boolean, { description: "Whether the window applies." })
  enabled!: boolean;

  @Field(() => Int, { nullable: true, description: "Window start hour (0-23)." })
  @Min(0)
  @Max(23)
  beginHour?: number | null;

  @Field(() => Int, { nullable: true, description: "Window start minute (0-59)." })
  @Min(0)
  @Max(59)
  beginMinute?: number | null;

  @Field(() => Int, { nullable: true, description: "Window end hour (0-23)." })
  @Min(0)
  @Max(23)
  endHour?: number | null;

  @Field(() => Int, { nullable: true, description: "Window end minute (0-59)." })
  @Min(0)
  @Max(59)
  endMinute?: number | null;
}

@InputType({ description: "A new text broadcast." })
export class TextBroadcastInput {
  @Field(() => String, { description: "Broadcast name." })
  @Length(1, 255)
  name!: string;

  @Field(() => String, {
    description: "Message template; ${name} placeholders are filled from recipient attributes.",
  })
  @Length(1, 1600)
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: "Sender number or short code; CallFire's shared short code by default.",
  })
  fromNumber?: string | null;

  @Field(() => BigMessageStrategy, {
    nullable: true,
    description: "What happens to messages over 160 characters.",
  })
  bigMessageStrategy?: BigMessageStrategy | null;

  @Field(() => [String], { nullable: true, description: "Labels to put on the broadcast." })
  labels?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Most texts in flight at once." })
  @Min(1)
  maxActive?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Continue an unfinished broadcast the next day." })
  resumeNextDay?: boolean | null;

  @Field(() => LocalTimeRestrictionInput, { nullable: true, description: "Daily sending window." })
  @ValidateNested()
  localTimeRestriction?: LocalTimeRestrictionInput | null;

  @Field(() => [ScheduleInput], { nullable: true, description: "When the broadcast runs by itself." })
  @ArrayMaxSize(MAX_SCHEDULES)
  @ValidateNested()
  schedules?: ScheduleInput[] | null;

  @Field(() => [TextRecipientInput], {
    nullable: true,
    description: "Recipients to text when the broadcast starts.",
  })
  @ArrayMaxSize(1000)
  @ValidateNested()
  recipients?: TextRecipientInput[] | null;
}

@InputType({ description: "Changes to a text broadcast; fields left out stay as they are." })
export class TextBroadcastUpdateInput {
  @Field(() => String, { nullable: true, description: "New name." })
  @Length(1, 255)
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "New message template (applies to texts not sent yet).",
  })
  @Length(1, 1600)
  message?: string | null;

  @Field(() => String, { nullable: true, description: "New sender number or short code." })
  fromNumber?: string | null;

  @Field(() => BigMessageStrategy, { nullable: true, description: "New big-message strategy." })
  bigMessageStrategy?: BigMessageStrategy | null;

  @Field(() => [String], { nullable: true, description: "New labels (replace the old ones)." })
  labels?: string[] | null;

  @Field(() => Int, { nullable: true, description: "New limit of texts in flight at once." })
  @Min(1)
  maxActive?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Continue an unfinished broadcast the next day." })
  resumeNextDay?: boolean | null;

  @Field(() => LocalTimeRestrictionInput, { nullable: true, description: "New daily sending window." })
  @ValidateNested()
  localTimeRestriction?: LocalTimeRestrictionInput | null;

  @Field(() => [ScheduleInput], {
    nullable: true,
    description: "New schedules (replace the old ones; [] removes them all).",
  })
  @ArrayMaxSize(MAX_SCHEDULES)
  @ValidateNested()
  schedules?: ScheduleInput[] | null;
}
