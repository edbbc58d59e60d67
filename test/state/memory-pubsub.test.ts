import { describe } from "vitest";
import { createMemoryPubSub } from "../../src/state/memory-pubsub.js";
import { pubSubContract } from "./pubsub-contract.js";

describe("in-memory pub/sub", () => {
  pubSubContract(async () => createMemoryPubSub());
});
