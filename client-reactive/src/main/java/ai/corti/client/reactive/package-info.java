/**
 * The Reactor facade of the Corti SDK, for WebFlux and other reactive code: every call returns a lazy
 * {@code Mono} or a {@code PagedFlux}. Start at {@link ai.corti.client.reactive.CortiReactiveClient}.
 */
package ai.corti.client.reactive;
