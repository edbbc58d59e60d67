// A Media as CallFire stores and answers it, every field set: what the sandbox must keep and the graph
// must read back.
export const STORED_MEDIA = {
  id: 2001,
  accountId: 77,
  name: "logo.png",
  created: 1_700_000_000_000,
  lengthInBytes: 5120,
  mediaType: "image/png",
  publicUrl: "https://example.com/logo.png",
};
