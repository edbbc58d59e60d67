// What one operation of a document selects, with the CallFire `fields` of each call target computed at
// most once. Shared by every request that sends the same document: it holds no CallFire data.
import { callFireFields, type ProjectionTarget, type SelectedFields } from "./callfire-fields.js";

export class OperationProjection {
  readonly #selected: SelectedFields;
  readonly #fields = new Map<ProjectionTarget, string | undefined>();

  constructor(selected: SelectedFields) {
    this.#selected = selected;
  }

  /** The `fields` parameter for a call answering with `target`; undefined: ask for whole objects. */
  fieldsFor(target: ProjectionTarget): string | undefined {
    if (!this.#fields.has(target)) this.#fields.set(target, callFireFields(this.#selected, target));
    return this.#fields.get(target);
  }
}
