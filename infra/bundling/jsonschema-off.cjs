/**
 * Shipped Lambda bundles replace ElectroDB's `jsonschema` with this (ADR 0008): ElectroDB only uses it
 * to check our entity models when they are built, and those models are static — every test, the local
 * stack and the type-checker build the same models with the real validator, so a malformed one never
 * ships. Leaving the 28 KB validator (and its work at every cold start) out keeps each bundle within
 * its budget. Requests are still validated by the contracts' zod schemas and items by ElectroDB itself.
 */
class Validator {
  addSchema() {}
  /**
   * ElectroDB also reads the answer to tell a model from an entity and a v1 model from a beta one: the
   * top-level required keys are still checked, which is all those two decisions read.
   */
  validate(instance, schema) {
    const required = [
      ...(schema.required ?? []),
      ...Object.entries(schema.properties ?? {})
        .filter(([, property]) => property.required === true)
        .map(([name]) => name),
    ];
    const missing = required.filter((name) => instance == null || instance[name] === undefined);
    return { errors: missing.map((name) => ({ property: `instance.${name}`, message: 'is required', argument: name })) };
  }
}
Validator.prototype.customFormats = {};
// eslint-disable-next-line no-undef -- a CommonJS module, as the package it replaces
module.exports = { Validator };
