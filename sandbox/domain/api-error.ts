// A failure the API reports to the caller as a CallFire ErrorResponse with this status.

/** Sandbox-defined internal codes (CallFire's own are undocumented); listed in the README. */
export const INTERNAL_CODES = {
  badRequest: 40000,
  invalidTransition: 40010,
  unauthorized: 40100,
  notFound: 40400,
  rateLimited: 42900,
  internal: 50000,
  injected: 50300,
} as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly internalCode: number,
    message: string,
    readonly developerMessage: string = message,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function badRequest(message: string, developerMessage?: string): ApiError {
  return new ApiError(400, INTERNAL_CODES.badRequest, message, developerMessage);
}

export function notFound(what: string, id: number | string): ApiError {
  return new ApiError(404, INTERNAL_CODES.notFound, `${what} ${id} not found`);
}
