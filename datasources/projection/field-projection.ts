// The per-request holder of the operation's projection: created with the request's context and handed
// to its CallFireRestApi; filled once the operation is known, before any resolver runs
// (field-projection.plugin.ts). Never shared between requests.
import { callFireFields, type ProjectionTarget, type SelectedFields } from "./callfire-fields.js";

export class FieldProjection {
  #selected: SelectedFields | undefined;
  readonly #fields = new Map<ProjectionTarget, string | undefined>();

  select(selected: SelectedFields): void {
    this.#selected = selected;
    this.#fields.clear();
  }

  /** The `fields` parameter for a call answering with `target`; undefined before select (ask for all). */
  fieldsFor(target: ProjectionTarget): string | undefined {
    if (!this.#selected) return undefined;
    if (!this.#fields.has(target)) this.#fields.set(target, callFireFields(this.#selected, target));
    return this.#fields.get(target);
  }
}
