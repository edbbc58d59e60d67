// Vitest 4 + Vite 8 transforms TypeScript with Oxc, which reads experimentalDecorators and
// emitDecoratorMetadata from tsconfig.json; our classes use explicit type thunks anyway.
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql@16 ships index.js (CJS) and index.mjs. Vite would hand test files the .mjs copy while
    // type-graphql and @apollo/* load the CJS one: two realms, "Cannot use GraphQLSchema from another
    // module or realm". Pin everything to the CJS entry.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    setupFiles: ["reflect-metadata"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
