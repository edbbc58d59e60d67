// Federation directives the subgraph puts on its types and fields (src/graphql/schema.ts imports them in @link).
//   @tag "public": every type and root field of the public contract, so a supergraph contract variant can
//     include exactly this API. @tag "write": every mutation, so a read-only variant can exclude them.
//   @shareable: value types (no key) that CallFire's other domains return in the same shape (Media, Contact,
//     LocalTimeRestriction appear in call broadcasts too), so a calls subgraph can define them alongside.
// @inaccessible is not used: every field here is meant for clients.
export const PUBLIC_TAG = '@tag(name: "public")';
export const WRITE_TAG = '@tag(name: "write")';
export const SHAREABLE = "@shareable";
export const ENTITY_KEY = '@key(fields: "id")';
