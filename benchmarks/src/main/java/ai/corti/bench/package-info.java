/**
 * Benchmarks of the Corti SDK against raw-HTTP baselines and openapi-generator clients, all calling one
 * in-process loopback server that answers every client with the same bytes. Run them with
 * {@code benchmarks/run.sh}; results are described in {@code BENCHMARKS.md}.
 */
package ai.corti.bench;
