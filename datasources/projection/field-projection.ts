// The per-request holder of the operation's projection: created with the request's context and handed
// to its CallFireRestApi; given the operation's projection once the operation is known, before any
// resolver runs (field-projection.plugin.ts).
import type { ProjectionTarget } from "./callfire-fields.js";
import type { OperationProjection } from "./operation-projection.js";

export class FieldProjection {
  #operation: OperationProjection | undefined;

  select(operation: OperationProjection): void {
    this.#operation = operation;
  }

  /** The operation's projection; undefined until it is known. */
  get operation(): OperationProjection | undefined {
    return this.#operation;
  }

  /** The `fields` parameter for a call answering with `target`; undefined before select (ask for all). */
  fieldsFor(target: ProjectionTarget): string | undefined {
    return this.#operation?.fieldsFor(target);
  }
}
