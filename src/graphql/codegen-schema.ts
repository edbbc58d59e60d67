// graphql-codegen's schema source (codegen.yml): the plain API schema built from the type-graphql
// classes. The code-file loader awaits the exported promise.
import "reflect-metadata";
import { buildApiSchema } from "./schema.js";

export const schema = buildApiSchema();
