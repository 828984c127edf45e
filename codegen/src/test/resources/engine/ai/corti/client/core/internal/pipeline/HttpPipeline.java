package ai.corti.client.core.internal.pipeline;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stub: sends nothing; keeps each request and how its answer is to be read, and answers with an empty Mono (or the
 * answer set by the test).
 */
public final class HttpPipeline {

    /** Every request given, in order. */
    public final List<ApiRequest> requests = new ArrayList<>();
    /** The reader of each request. */
    public final List<ResponseReader<?>> readers = new ArrayList<>();
    /** The options of each request. */
    public final List<RequestOptions> options = new ArrayList<>();
    /** What execute answers, or null for an empty Mono. */
    public CortiResponse<?> answer;

    @SuppressWarnings("unchecked")
    public <T> Mono<CortiResponse<T>> execute(ApiRequest request, ResponseReader<T> reader, RequestOptions callOptions) {
        requests.add(request);
        readers.add(reader);
        options.add(callOptions);
        return answer == null ? Mono.empty() : Mono.just((CortiResponse<T>) answer);
    }

    public Flux<ByteBuffer> download(ApiRequest request, RequestOptions callOptions) {
        requests.add(request);
        readers.add(null);
        options.add(callOptions);
        return Flux.empty();
    }
}
