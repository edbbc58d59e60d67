// What a CallFire id looks like, checked where ids enter (arguments, entity representations) so a bad id
// never reaches a URL or a body.
import { ValidateBy } from "class-validator";
import { shown } from "./errors.js";

/** A CallFire id: a positive int64 in decimal, at most 2^63 - 1. */
const INT64_MAX = 2n ** 63n - 1n;

export function isCallFireId(id: string): boolean {
  return /^\d{1,19}$/.test(id) && BigInt(id) <= INT64_MAX;
}

function isId(value: unknown): boolean {
  return typeof value === "string" && isCallFireId(value);
}

/** What is wrong with `value` (an id or a list of ids) called `name`, for BAD_USER_INPUT; null if nothing. */
export function callFireIdProblem(name: string, value: unknown): string | null {
  const index = Array.isArray(value) ? value.findIndex((id) => !isId(id)) : isId(value) ? -1 : null;
  if (index === -1) return null;
  const [at, bad] = index === null ? [name, value] : [`${name}[${index}]`, (value as unknown[])[index]];
  return `${at} must be a CallFire id (digits only, e.g. "13"); got ${shown(bad)}`;
}

/**
 * On argument and input fields of type ID or [ID]: CallFire ids are int64, so anything else is refused
 * with BAD_USER_INPUT before a call rather than answered 400 or 404 by CallFire.
 */
export function IsCallFireId(): PropertyDecorator {
  return ValidateBy({
    name: "isCallFireId",
    validator: {
      validate: (value) => callFireIdProblem("", value) === null,
      defaultMessage: (args) => callFireIdProblem(args!.property, args!.value) ?? "",
    },
  });
}
