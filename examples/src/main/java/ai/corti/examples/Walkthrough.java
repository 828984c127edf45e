package ai.corti.examples;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.RecordedExchange;
import ai.corti.emulator.SpecConformance;
import ai.corti.emulator.spec.StrictModels;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A runnable tour of the SDK with both facades, the whole lifecycle: interactions created, listed in pages and
 * PATCHed; a consultation recorded, transcribed, turned into facts, documents and codes, then deleted with everything
 * it held; typed errors; a short live dictation over the real-time API; and what it created deleted again.
 *
 * <p>By default it starts the emulator in-process and needs nothing else. With {@code CORTI_TENANT},
 * {@code CORTI_ENVIRONMENT} ({@code eu} or {@code us}), {@code CORTI_CLIENT_ID} and {@code CORTI_CLIENT_SECRET}
 * set it runs against the real API instead, reading only, unless {@code --write} is given.
 *
 * <pre>
 * mvn -B -q -pl examples -am verify -DskipTests -Pwalkthrough
 * mvn -B -q -pl examples -am verify -DskipTests -Pwalkthrough -Dexec.args=--write
 * </pre>
 */
public final class Walkthrough {

    private Walkthrough() {
    }

    /**
     * Runs the walkthrough; exits non-zero when a step fails.
     *
     * @param args {@code --write} to let it create and change data in a real tenant
     */
    public static void main(String[] args) {
        for (String arg : args) {
            if (!arg.equals("--write")) {
                // Say so rather than ignore it: a mistyped --write would silently run read-only.
                System.err.println("Unknown argument '" + arg + "'. The only argument is --write (with the CORTI_* "
                        + "variables set: let the walkthrough create and update interactions in the real tenant).");
                System.exit(2);
                return;
            }
        }
        boolean write = Arrays.asList(args).contains("--write");
        Optional<Target> real;
        try {
            real = Target.realApi(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (real.isPresent()) {
            runAgainstRealApi(real.get(), write, System.out);
        } else {
            try (CortiEmulator emulator = CortiEmulator.start()) {
                runAgainstEmulator(emulator, System.out);
            }
        }
    }

    /**
     * Runs every step against an emulator, then checks every answer it gave against the spec.
     *
     * @param emulator a running emulator
     * @param out      where the report goes
     * @throws IllegalStateException when an answer departs from the spec
     */
    static void runAgainstEmulator(CortiEmulator emulator, PrintStream out) {
        long start = System.nanoTime();
        out.println("Corti Java SDK walkthrough");
        out.println("Target: the in-process emulator at " + emulator.baseUrl() + ", tenant "
                + CortiEmulator.DEFAULT_TENANT + " (no credentials needed)");
        try (CortiClient blocking = emulator.configure(CortiClient.builder()).build();
             CortiReactiveClient reactive = emulator.configure(CortiReactiveClient.builder()).build()) {
            run(new StepContext(blocking, reactive, new Report(out), true, "", new CreatedInteractions(),
                    Optional.of(emulator)), out);
        }
        List<RecordedExchange> answers = emulator.exchanges().stream()
                .filter(exchange -> !RecordedExchange.TOKEN.equals(exchange.operationId())).toList();
        List<String> problems = conformanceProblems(answers);
        out.println();
        if (!problems.isEmpty()) {
            problems.forEach(problem -> out.println("   " + problem));
            throw new IllegalStateException(problems.size() + " answers departed from the spec");
        }
        out.println("Done: " + answers.size() + " API calls; every answer matched the spec (its schemas, and a strict "
                + "read into the SDK's models). " + seconds(start));
    }

    /**
     * Runs the steps against the real API: read-only unless {@code write}.
     *
     * @param target the tenant and credentials
     * @param write  whether the steps that create and change data run
     * @param out    where the report goes
     */
    static void runAgainstRealApi(Target target, boolean write, PrintStream out) {
        long start = System.nanoTime();
        out.println("Corti Java SDK walkthrough");
        out.println("Target: the real Corti API, environment " + target.environment() + ", tenant " + target.tenant()
                + (write ? " (--write: creates and updates interactions)" : " (read-only; add --write to create data)"));
        String prefix = "sdk-walkthrough-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        try (CortiClient blocking = CortiClient.builder().tenantName(target.tenant()).environment(target.environment())
                .clientCredentials(target.clientId(), target.clientSecret()).build();
             CortiReactiveClient reactive = CortiReactiveClient.builder().tenantName(target.tenant())
                     .environment(target.environment()).clientCredentials(target.clientId(), target.clientSecret())
                     .build()) {
            run(new StepContext(blocking, reactive, new Report(out), write, prefix, new CreatedInteractions(),
                    Optional.empty()), out);
        }
        out.println();
        out.println("Done." + (write ? " Created identifiers started with " + prefix + "; all deleted again." : "")
                + " " + seconds(start));
    }

    /**
     * Runs the steps; when one fails, first deletes what the run created, so a failed run against a real tenant
     * leaves nothing behind either.
     */
    private static void run(StepContext context, PrintStream out) {
        try {
            new WalkthroughSteps(context).runAll();
        } catch (RuntimeException failure) {
            if (!context.created().remaining().isEmpty()) {
                try {
                    int deleted = context.created().deleteAll(context.reactive(), StepContext.WAIT);
                    out.println("A step failed; deleted the " + deleted + " interactions this run had created.");
                } catch (RuntimeException cleanUp) {
                    failure.addSuppressed(cleanUp);
                    out.println("A step failed, and so did deleting what this run created: "
                            + context.created().remaining());
                }
            }
            throw failure;
        }
    }

    private static String seconds(long start) {
        return String.format(java.util.Locale.ROOT, "The walkthrough took %.1f s.", (System.nanoTime() - start) / 1e9);
    }

    /** Both independent checks, on every recorded answer. */
    static List<String> conformanceProblems(List<RecordedExchange> answers) {
        SpecConformance conformance = SpecConformance.packaged();
        List<String> problems = new ArrayList<>();
        for (RecordedExchange answer : answers) {
            conformance.violations(answer).forEach(problem -> problems.add(answer + ": " + problem));
            if (answer.operationId() != null && answer.status() != 0) {
                StrictModels.modelFor(answer.operationId(), answer.status()).ifPresent(model ->
                        StrictModels.problems(answer.responseBody(), model)
                                .forEach(problem -> problems.add(answer + ": " + problem)));
            }
        }
        return problems;
    }
}
