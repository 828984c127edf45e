/**
 * The Corti OpenAPI document as the emulator reads it: look-ups ({@link ai.corti.emulator.spec.SpecSchemas}),
 * validation by the networknt JSON-Schema library behind a thin OpenAPI 3.0 layer
 * ({@link ai.corti.emulator.spec.SchemaValidator}), canonical forms ({@link ai.corti.emulator.spec.SchemaCanonicaliser})
 * and strict reads into the SDK's models ({@link ai.corti.emulator.spec.StrictModels}). Tests can use them to check
 * that a JSON body matches the spec.
 */
package ai.corti.emulator.spec;
