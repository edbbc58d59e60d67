import { ArrayMaxSize, IsTimeZone, Max, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DayOfWeek } from "./enums.js";
import { IsCallFireId } from "../src/core/callfire-id.js";

@InputType({ description: "A calendar date." })
export class LocalDateInput {
  @Field(() => Int, { description: "Year, e.g. 2030." })
  @Min(1)
  @Max(9999)
  year!: number;

  @Field(() => Int, { description: "Month (1-12)." })
  @Min(1)
  @Max(12)
  month!: number;

  @Field(() => Int, { description: "Day of the month (1-31, and a day the month has)." })
  @Min(1)
  @Max(31)
  day!: number;
}

@InputType({ description: "A time of day." })
export class LocalTimeInput {
  @Field(() => Int, { description: "Hour (0-23)." })
  @Min(0)
  @Max(23)
  hour!: number;

  @Field(() => Int, { description: "Minute (0-59)." })
  @Min(0)
  @Max(59)
  minute!: number;

  @Field(() => Int, { nullable: true, description: "Second (0-59); 0 when left out." })
  @Min(0)
  @Max(59)
  second?: number | null;
}

@InputType({ description: "A window in which a broadcast runs; times are in timeZone." })
export class ScheduleInput {
  @Field(() => ID, {
    nullable: true,
    description: "On an update: the id of one of the broadcast's schedules, to keep that schedule's id.",
  })
  @IsCallFireId()
  id?: string | null;

  @Field(() => LocalDateInput, { nullable: true, description: "First day it applies." })
  @ValidateNested()
  startDate?: LocalDateInput | null;

  @Field(() => LocalDateInput, { nullable: true, description: "Last day it applies." })
  @ValidateNested()
  stopDate?: LocalDateInput | null;

  @Field(() => LocalTimeInput, { nullable: true, description: "When sending starts each day." })
  @ValidateNested()
  startTimeOfDay?: LocalTimeInput | null;

  @Field(() => LocalTimeInput, { nullable: true, description: "When sending stops each day." })
  @ValidateNested()
  stopTimeOfDay?: LocalTimeInput | null;

  @Field(() => [DayOfWeek], { nullable: true, description: "The days it applies on." })
  @ArrayMaxSize(7)
  daysOfWeek?: DayOfWeek[] | null;

  @Field(() => String, { nullable: true, description: "IANA time zone, e.g. America/New_York." })
  @IsTimeZone({ message: "timeZone must be an IANA time zone such as America/New_York" })
  timeZone?: string | null;
}
