package ai.corti.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent exchanges, bounded so a long-running standalone emulator does not grow without end.
 */
final class ExchangeJournal {

    private final int limit;
    private final Deque<RecordedExchange> exchanges = new ArrayDeque<>();

    ExchangeJournal(int limit) {
        this.limit = limit;
    }

    synchronized void add(RecordedExchange exchange) {
        if (limit == 0) {
            return;
        }
        if (exchanges.size() == limit) {
            exchanges.removeFirst();
        }
        exchanges.addLast(exchange);
    }

    synchronized List<RecordedExchange> snapshot() {
        return List.copyOf(exchanges);
    }

    synchronized void clear() {
        exchanges.clear();
    }
}
