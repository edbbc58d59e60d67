import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DayOfWeek } from "./enums.js";
import { PUBLIC_TAG, SHAREABLE } from "./federation.directives.js";

@Directive(PUBLIC_TAG)
@Directive(SHAREABLE)
@ObjectType({ description: "A calendar date without a time zone." })
export class LocalDate {
  @Field(() => Int, { nullable: true, description: "Year, e.g. 2030." })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: "Month (1-12)." })
  month?: number | null;

  @Field(() => Int, { nullable: true, description: "Day of the month (1-31)." })
  day?: number | null;
}

@Directive(PUBLIC_TAG)
@Directive(SHAREABLE)
@ObjectType({ description: "A time of day without a time zone." })
export class LocalTime {
  @Field(() => Int, { nullable: true, description: "Hour (0-23)." })
  hour?: number | null;

  @Field(() => Int, { nullable: true, description: "Minute (0-59)." })
  minute?: number | null;

  @Field(() => Int, { nullable: true, description: "Second (0-59)." })
  second?: number | null;
}

@Directive(PUBLIC_TAG)
@Directive(SHAREABLE)
@ObjectType({ description: "A window in which a broadcast runs: days of the week, times of day, dates." })
export class Schedule {
  @Field(() => ID, { description: "CallFire schedule id." })
  id!: string;

  @Field(() => ID, { nullable: true, description: "The broadcast (campaign) it belongs to." })
  campaignId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "First day it applies." })
  startDate?: LocalDate | null;

  @Field(() => LocalDate, { nullable: true, description: "Last day it applies." })
  stopDate?: LocalDate | null;

  @Field(() => LocalTime, { nullable: true, description: "When sending starts each day." })
  startTimeOfDay?: LocalTime | null;

  @Field(() => LocalTime, { nullable: true, description: "When sending stops each day." })
  stopTimeOfDay?: LocalTime | null;

  @Field(() => [DayOfWeek], { description: "The days it applies on." })
  daysOfWeek!: DayOfWeek[];

  @Field(() => String, { nullable: true, description: "IANA time zone of the times, e.g. America/New_York." })
  timeZone?: string | null;
}
