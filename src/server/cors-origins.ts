// Which browser origins may call the graph: Apollo Studio's Sandbox, any localhost page, and the
// origins listed in CORS_ORIGINS.
const APOLLO_STUDIO = "https://studio.apollographql.com";
const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export function isAllowedOrigin(origin: string, extraOrigins: readonly string[]): boolean {
  return origin === APOLLO_STUDIO || LOCALHOST.test(origin) || extraOrigins.includes(origin);
}
