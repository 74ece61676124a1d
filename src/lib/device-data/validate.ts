/**
 * Validators for stored and exported data. They are generated from the zod schemas in
 * `src/schemas/` (`npm run schemas` compiles the same JSON Schemas that are published under
 * `/schemas/`), so the browser enforces exactly the published contract without shipping zod.
 * Each lives in its own module under `validators/` (import it from there): one shared module
 * would put every validator into every page that needs one.
 */
/** Checks a value against one schema. `describe` names the first problem, for reports. */
export interface Validator<T> {
  (value: unknown): value is T;
  describe(value: unknown): string | null;
}

interface AjvFunction {
  (value: unknown): boolean;
  errors?: Array<{ instancePath: string; keyword: string }> | null;
}

/** A typed validator around a generated Ajv function (used by the generated modules). */
export function wrap<T>(fn: AjvFunction): Validator<T> {
  const validator = ((value: unknown) => fn(value)) as Validator<T>;
  validator.describe = (value) => {
    if (fn(value)) return null;
    const error = fn.errors?.[0];
    return error ? `${error.instancePath || '(root)'}: fails "${error.keyword}"` : 'invalid';
  };
  return validator;
}
