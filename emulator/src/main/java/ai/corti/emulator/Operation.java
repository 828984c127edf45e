package ai.corti.emulator;

import java.util.Objects;

/**
 * One operation of the spec as the emulator serves it: the spec's {@code operationId} and the code that answers an
 * authenticated call to it. Where it lives (method and path) and what body it takes come from the spec itself
 * ({@link OperationTable}), so the emulator's routes cannot drift from the document.
 *
 * @param operationId the spec's id, e.g. {@code recordings_list}
 * @param handler     answers a call
 */
record Operation(String operationId, Handler handler) {

    Operation {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(handler, "handler");
    }

    /** Answers a call that passed authentication. Runs on an event loop: it must not block. */
    @FunctionalInterface
    interface Handler {
        /**
         * Answers a call.
         *
         * @param call the request, its tenant and its path parameters
         * @return the answer
         * @throws InvalidRequest for a request that fails validation (answered as a 400)
         */
        Reply handle(Call call);
    }

    /** A group of operations, one class per resource of the API. */
    interface Resource {
        /**
         * Lists the operations this resource serves.
         *
         * @return the operations
         */
        java.util.List<Operation> operations();
    }
}
