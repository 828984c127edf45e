package ai.corti.it.contract;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.it.support.Facade;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * One way of calling one operation, written once per facade with the same arguments, so that the suite sends
 * the same request through both.
 *
 * @param operationId the spec's operation
 * @param name        what this call shows, e.g. {@code "upload from a file"}
 * @param kind        whether it is the minimal request, a fully populated one or another variant
 * @param oneShotBody whether its body can be sent only once (an upload from a stream), which decides whether a
 *                    401 can be answered by sending it again with a fresh token
 * @param blocking    the call on {@link CortiClient}
 * @param reactive    the call on {@link CortiReactiveClient}
 */
public record OperationCall(String operationId, String name, Kind kind, boolean oneShotBody, BlockingCall blocking,
                            ReactiveCall reactive) {

    /** What a call is for. */
    public enum Kind {
        /** Only what the spec requires: no optional parameter, header or body field. */
        MINIMAL,
        /** Every optional parameter and body field (together, a kind's calls populate the whole request). */
        FULL,
        /** Another overload or input form (ids as strings, upload from a file, a raw-response view). */
        VARIANT
    }

    /** A call on the blocking facade; returns what it got ({@code null} for a 204). */
    @FunctionalInterface
    public interface BlockingCall {
        /**
         * Makes the call.
         *
         * @param client the blocking client
         * @param ids    what the call refers to
         * @return the result
         * @throws Exception what the call throws
         */
        Object call(CortiClient client, ContractIds ids) throws Exception;
    }

    /** A call on the reactive facade, as one {@link Mono} of its result (empty for a 204). */
    @FunctionalInterface
    public interface ReactiveCall {
        /**
         * Describes the call; nothing is sent before the subscription.
         *
         * @param client the reactive client
         * @param ids    what the call refers to
         * @return the result to come
         */
        Mono<?> call(CortiReactiveClient client, ContractIds ids);
    }

    /**
     * Runs the call through one facade, waiting at most {@code timeout} for the reactive one.
     *
     * @param facade   which facade
     * @param blocking the blocking client
     * @param reactive the reactive client
     * @param ids      what the call refers to
     * @param timeout  the longest wait
     * @return the result ({@code null} for no body)
     * @throws Exception whatever the call throws (the SDK's exceptions, unwrapped)
     */
    public Object run(Facade facade, CortiClient blocking, CortiReactiveClient reactive, ContractIds ids,
                      Duration timeout) throws Exception {
        return switch (facade) {
            case BLOCKING -> this.blocking.call(blocking, ids);
            case REACTIVE -> this.reactive.call(reactive, ids).block(timeout);
        };
    }

    @Override
    public String toString() {
        return operationId + " (" + name + ")";
    }
}
