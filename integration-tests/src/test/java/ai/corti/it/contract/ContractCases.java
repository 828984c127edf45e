package ai.corti.it.contract;

import ai.corti.it.support.Facade;
import ai.corti.it.support.SpecDocument;
import ai.corti.it.support.SpecDocument.SpecOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The case table of the contract suite, shared by its two backends ({@link LifecycleContractTest} on MockServer,
 * {@link EmulatorContractTest} on the emulator): every operation of the packaged spec, through both facades, and
 * the statuses each declares. The cases come from the spec, so an operation added to it is a case on both.
 */
final class ContractCases {

    /** The packaged spec the cases are read from. */
    static final SpecDocument SPEC = SpecDocument.packaged();

    private ContractCases() {
    }

    /**
     * Every (facade, operation).
     *
     * @return the cases
     */
    static Stream<Arguments> operations() {
        return SPEC.operations().stream().flatMap(op -> Stream.of(Facade.values()).map(f -> Arguments.of(f, op)));
    }

    /**
     * Every (facade, operation, status) whose declared status is in the class {@code hundreds}xx.
     *
     * @param hundreds 2, 4 or 5
     * @return the cases
     */
    static Stream<Arguments> statuses(int hundreds) {
        List<Arguments> cases = new ArrayList<>();
        for (SpecOperation op : SPEC.operations()) {
            for (int status : declared(op, hundreds)) {
                for (Facade facade : Facade.values()) {
                    cases.add(Arguments.of(facade, op, status));
                }
            }
        }
        return cases.stream();
    }

    /**
     * The statuses an operation declares in one class.
     *
     * @param op       the operation
     * @param hundreds 2, 4 or 5
     * @return the statuses, ascending
     */
    static Set<Integer> declared(SpecOperation op, int hundreds) {
        Set<Integer> out = new TreeSet<>();
        for (String key : op.responseKeys()) {
            if (key.matches(hundreds + "\\d\\d")) {
                out.add(Integer.parseInt(key));
            }
        }
        return out;
    }
}
