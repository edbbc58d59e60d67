// Phone numbers as CallFire writes them: digits only, 5 (short codes) to 15 (E.164 without the +).
import { Matches } from "class-validator";

export function IsPhoneNumber(): PropertyDecorator {
  return Matches(/^\d{5,15}$/, {
    message: ({ property }) =>
      `${property} must be digits only, no + or spaces (e.g. 12132000384, or a short code like 67076)`,
  });
}
