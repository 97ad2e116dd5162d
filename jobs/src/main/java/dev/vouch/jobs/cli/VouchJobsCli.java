package dev.vouch.jobs.cli;

import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.generate.GenerateCommand;
import dev.vouch.jobs.ingest.IngestCommand;
import dev.vouch.jobs.train.TrainCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The batch half of the {@code vouch} command line. Serving is a separate JVM (Javalin and Spark do not mix). */
@Command(name = "vouch", mixinStandardHelpOptions = true, version = "vouch 0.1.0",
        description = "Vouch batch jobs: ingest opinions, train and evaluate models, publish them.",
        subcommands = {IngestCommand.class, TrainCommand.class, GenerateCommand.class, dev.vouch.jobs.evaluate.EvaluateCommand.class})
public final class VouchJobsCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns the exit code: 0 done, 1 failed, 2 bad usage. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new VouchJobsCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean verbose = parsed.originalArgs().contains("--verbose");
            PrintWriter err = cmd.getErr();
            if (verbose) {
                e.printStackTrace(err);
            }
            err.println("vouch " + cmd.getCommandName() + ": " + oneLine(e));
            err.flush();
            return e instanceof VouchException ? 1 : 3;
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (!(t instanceof VouchException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = (t instanceof VouchException ? t : e).getMessage();
        if (!(t instanceof VouchException)) {
            msg = e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg) + " (run with --verbose for details)";
        }
        return msg == null ? e.toString() : msg.replaceAll("\\s*\\R\\s*", " ");
    }
}
