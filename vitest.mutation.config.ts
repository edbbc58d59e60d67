// The suite StrykerJS runs for each mutant (npm run test:mutation): the fast tests of src, datasources and
// resolvers, in process and without child processes or long load runs, so a mutation run stays in minutes.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      "test/datasources/**/*.test.ts",
      "test/state/**/*.test.ts",
      "test/server/**/*.test.ts",
      "test/schema/**/*.test.ts",
      "test/projection/**/*.test.ts",
      "test/resolvers/**/*.test.ts",
    ],
  },
});
