/**
 * An in-memory Corti API for tests and demos. Start at {@link ai.corti.emulator.CortiEmulator}; the JUnit 5
 * extension is in {@code ai.corti.emulator.junit}; {@link ai.corti.emulator.EmulatorMain} runs it on its own.
 */
package ai.corti.emulator;
