/**
 * The Corti OpenAPI document as the emulator reads it: schema look-ups ({@link ai.corti.emulator.spec.SpecSchemas}),
 * validation ({@link ai.corti.emulator.spec.SchemaValidator}) and canonical forms
 * ({@link ai.corti.emulator.spec.SchemaCanonicaliser}). Tests can use them to check that a JSON body matches the spec.
 */
package ai.corti.emulator.spec;
