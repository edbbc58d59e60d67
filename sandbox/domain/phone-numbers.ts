// What the sandbox accepts as a phone number: an 11-digit North-American E.164 number without "+",
// a 10-digit one (the leading 1 is added, as CallFire does), or a 5–6 digit short code.

export type ParsedNumber = { valid: true; number: string } | { valid: false; number: string };

export function parsePhoneNumber(raw: string): ParsedNumber {
  const trimmed = raw.trim();
  // Formatting characters are tolerated; letters or other symbols make the number invalid.
  const digits = /^\+?[\d\s().-]+$/.test(trimmed) ? trimmed.replace(/\D/g, "") : "";
  if (/^1[2-9]\d{9}$/.test(digits)) return { valid: true, number: digits };
  if (/^[2-9]\d{9}$/.test(digits)) return { valid: true, number: `1${digits}` };
  if (/^\d{5,6}$/.test(digits)) return { valid: true, number: digits };
  return { valid: false, number: trimmed };
}
