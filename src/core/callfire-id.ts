// What a CallFire id looks like, checked before any call so a bad id never reaches a URL or a body.
import { ValidateBy, type ValidationOptions } from "class-validator";
import { shown } from "./errors.js";

/** A CallFire id: a positive int64 in decimal, at most 2^63 - 1. */
const INT64_MAX = 2n ** 63n - 1n;

export function isCallFireId(id: string): boolean {
  return /^\d{1,19}$/.test(id) && BigInt(id) <= INT64_MAX;
}

/** The index of the first entry of a list that is no CallFire id; -1 for a single bad id; null if all are. */
function firstBadId(value: unknown): number | null {
  if (Array.isArray(value)) {
    const index = value.findIndex((id) => typeof id !== "string" || !isCallFireId(id));
    return index < 0 ? null : index;
  }
  return typeof value === "string" && isCallFireId(value) ? null : -1;
}

/**
 * Argument and input fields of type ID (or [ID]): CallFire ids are int64, so anything else is refused
 * with BAD_USER_INPUT before a call rather than answered 400 or 404 by CallFire.
 */
export function IsCallFireId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "isCallFireId",
      validator: {
        validate: (value) => firstBadId(value) === null,
        defaultMessage: (args) => {
          const { property, value } = args!;
          const index = firstBadId(value) ?? -1;
          const [at, bad] =
            index < 0 ? [property, value] : [`${property}[${index}]`, (value as unknown[])[index]];
          return `${at} must be a CallFire id (digits only, e.g. "13"); got ${shown(bad)}`;
        },
      },
    },
    options,
  );
}
