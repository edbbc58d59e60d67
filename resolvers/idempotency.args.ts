// The idempotencyKey argument of the mutations that create things or send texts.
export const IDEMPOTENCY_KEY = {
  nullable: true,
  description:
    "Any unique string (e.g. a UUID) that makes this call safe to repeat: the same key with the same arguments within 24 hours returns the first call's result without calling CallFire again, so nothing is sent twice. The same key with other arguments is refused.",
} as const;
