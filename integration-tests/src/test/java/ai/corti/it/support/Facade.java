package ai.corti.it.support;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.blocking.InteractionsClient;
import ai.corti.client.core.CortiClientBuilder;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsCreateResponse;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.client.model.InteractionsUpdateRequest;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.client.reactive.ReactiveInteractionsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import reactor.core.publisher.Flux;
import java.util.UUID;
import java.util.function.Consumer;

/** Runs the same test through either public facade. */
public enum Facade {
    /** {@code CortiClient}, blocking calls. */
    BLOCKING {
        @Override
        public InteractionsApi connect(Consumer<CortiClientBuilder<?>> configure) {
            CortiClient.Builder builder = CortiClient.builder();
            configure.accept(builder);
            CortiClient client = builder.build();
            InteractionsClient interactions = client.interactions();
            return new InteractionsApi() {
                public InteractionsCreateResponse create(InteractionsCreateRequest request) {
                    return interactions.create(request);
                }

                public InteractionsGetResponse get(UUID id) {
                    return interactions.get(id);
                }

                public InteractionsGetResponse get(String id) {
                    return interactions.get(id);
                }

                public InteractionsGetResponse update(UUID id, InteractionsUpdateRequest request) {
                    return interactions.update(id, request);
                }

                public List<InteractionsGetResponse> list(ListInteractionsRequest request, int max) {
                    return interactions.list(request).stream().limit(max).toList();
                }

                public String websocketUrl(InteractionsGetResponse interaction) {
                    return interactions.websocketUrl(interaction);
                }

                public List<InteractionsGetResponse> getConcurrently(List<UUID> ids, int concurrency) {
                    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
                    try {
                        List<Future<InteractionsGetResponse>> results = new ArrayList<>();
                        for (UUID id : ids) {
                            results.add(threads.submit(() -> interactions.get(id)));
                        }
                        List<InteractionsGetResponse> all = new ArrayList<>();
                        for (Future<InteractionsGetResponse> result : results) {
                            all.add(result.get());
                        }
                        return all;
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    } finally {
                        threads.shutdownNow();
                    }
                }

                public int activeConnections() {
                    return client.activeConnections();
                }

                public void close() {
                    client.close();
                }
            };
        }
    },
    /** {@code CortiReactiveClient}; the test thread waits for each {@code Mono}. */
    REACTIVE {
        @Override
        public InteractionsApi connect(Consumer<CortiClientBuilder<?>> configure) {
            CortiReactiveClient.Builder builder = CortiReactiveClient.builder();
            configure.accept(builder);
            CortiReactiveClient client = builder.build();
            ReactiveInteractionsClient interactions = client.interactions();
            return new InteractionsApi() {
                public InteractionsCreateResponse create(InteractionsCreateRequest request) {
                    return interactions.create(request).block();
                }

                public InteractionsGetResponse get(UUID id) {
                    return interactions.get(id).block();
                }

                public InteractionsGetResponse get(String id) {
                    return interactions.get(id).block();
                }

                public InteractionsGetResponse update(UUID id, InteractionsUpdateRequest request) {
                    return interactions.update(id, request).block();
                }

                public List<InteractionsGetResponse> list(ListInteractionsRequest request, int max) {
                    return interactions.list(request).take(max).collectList().block();
                }

                public String websocketUrl(InteractionsGetResponse interaction) {
                    return interactions.websocketUrl(interaction).block();
                }

                public List<InteractionsGetResponse> getConcurrently(List<UUID> ids, int concurrency) {
                    return Flux.fromIterable(ids).flatMap(interactions::get, concurrency).collectList().block();
                }

                public int activeConnections() {
                    return client.activeConnections();
                }

                public void close() {
                    client.close();
                }
            };
        }
    };

    /**
     * Builds a client of this facade.
     *
     * @param configure fills the builder (both facades share the builder methods)
     * @return the client as the tests drive it
     */
    public abstract InteractionsApi connect(Consumer<CortiClientBuilder<?>> configure);
}
