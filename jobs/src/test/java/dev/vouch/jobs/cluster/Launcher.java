package dev.vouch.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Runs the {@code vouch} launcher of this checkout as an analyst would, each command in its own process with its
 * output under {@code <work>/logs}, and stops every process it started (and their children) by PID.
 */
final class Launcher {
    private static final long TIMEOUT_S = 600;
    private final Path root = Path.of("").toAbsolutePath().getParent();
    private final Path work;
    private final List<Run> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    Launcher(Path work) throws IOException {
        this.work = work;
        if (Files.exists(work)) {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work.resolve("logs"));
    }

    Run start(String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(root.resolve("vouch").toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().put("VOUCH_WORK", work.toString());
        // This test runs inside mvn verify, after package: the launcher must not start a build of its own.
        pb.environment().put("VOUCH_NO_BUILD", "1");
        // Assembled once per build folder (Spark's jars, from Maven Central); mvn clean starts over.
        pb.environment().put("VOUCH_SPARK_HOME", root.resolve("jobs/target/spark-home").toString());
        pb.environment().put("VOUCH_JOBS_JAVA_OPTS", "-Xmx1g -Xss8m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseParallelGC");
        Path out = work.resolve("logs").resolve(name + ".out");
        Path err = work.resolve("logs").resolve(name + ".err");
        Run run = new Run(name, pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
        started.add(run);
        return run;
    }

    String run(String name, List<String> args) throws Exception {
        return start(name, args).awaitSuccess();
    }

    /** Runs a command given {@code --json} and returns the summary it printed (its last line). */
    JsonNode json(String name, List<String> args) throws Exception {
        return json(start(name, args));
    }

    JsonNode json(Run run) throws Exception {
        String last = run.awaitSuccess().lines().reduce((a, b) -> b).orElse("");
        return new ObjectMapper().readTree(last);
    }

    /** The executors the workers of {@code vouch cluster up} are running now (their child JVMs). */
    List<ProcessHandle> executors() {
        return daemons().stream().flatMap(ProcessHandle::descendants)
                .filter(p -> commandLine(p.pid()).contains("CoarseGrainedExecutorBackend")).toList();
    }

    /** {@code vouch cluster down}, then SIGKILL to anything still alive that this test started, by PID. */
    void stopAll() throws Exception {
        List<ProcessHandle> left = new ArrayList<>(daemons());
        daemons().forEach(d -> d.descendants().forEach(left::add));
        for (Run r : started) {
            left.add(r.process.toHandle());
            r.process.descendants().forEach(left::add);
        }
        Process down = start("cluster-down", List.of("cluster", "down")).process;
        if (!down.waitFor(120, TimeUnit.SECONDS)) {
            down.destroyForcibly();
        }
        for (ProcessHandle p : left) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : left) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private List<ProcessHandle> daemons() {
        try (Stream<Path> files = Files.list(work.resolve("cluster"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pid")).map(Launcher::pidIn)
                    .flatMap(pid -> ProcessHandle.of(pid).stream())
                    .filter(p -> commandLine(p.pid()).contains("org.apache.spark.deploy.")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long pidIn(Path file) {
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** One launcher process. */
    static final class Run {
        private final String name;
        private final Process process;
        private final Path out;
        private final Path err;

        private Run(String name, Process process, Path out, Path err) {
            this.name = name;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** Waits for a zero exit and returns what it printed on stdout; fails with its stderr otherwise. */
        String awaitSuccess() throws Exception {
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new AssertionError("vouch " + name + " still running after " + TIMEOUT_S + " s:\n" + tail());
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("vouch " + name + " exited " + process.exitValue() + ":\n" + tail());
            }
            return Files.readString(out);
        }

        /** Polls until the condition holds; fails if the process ends first or it takes over the timeout. */
        void awaitOrFail(BooleanSupplier condition, String what) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (System.nanoTime() < deadline) {
                if (condition.getAsBoolean()) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("vouch " + name + " ended (exit " + process.exitValue() + ") before "
                            + what + ":\n" + tail());
                }
                Thread.sleep(50);
            }
            throw new AssertionError("vouch " + name + ": no " + what + " within " + TIMEOUT_S + " s:\n" + tail());
        }

        /** SIGKILL to the launcher process (the driver JVM: the launcher execs it) and its children. */
        void kill() throws Exception {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly().waitFor();
            children.forEach(ProcessHandle::destroyForcibly);
        }

        /** Its stderr so far: the progress lines. */
        String output() {
            try {
                return Files.readString(err);
            } catch (IOException e) {
                return "";
            }
        }

        private String tail() {
            String all = output();
            return all.substring(Math.max(0, all.length() - 6000));
        }
    }
}
