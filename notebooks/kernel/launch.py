"""Starts the Java kernel for Jupyter and restarts it when it comes up deaf.

The kernelspec's argv is: python3 launch.py JAVA [JVM ARGS...] MAIN_CLASS CONNECTION_FILE.

About one start in four on a busy machine, the rapaio kernel binds its sockets but its shell socket never delivers
a message (jeromq; the JVM is alive, so Jupyter waits for the full start-up timeout and gives up). This wrapper asks
the new kernel for kernel_info itself, on the same ports Jupyter uses; when no reply comes within ANSWER_SECONDS of
the shell socket being bound, it kills the JVM and starts it again on the same ports. Jupyter's client reconnects by
itself (ZeroMQ) and keeps asking, so the restart is invisible to it apart from the delay.
"""
import os
import signal
import subprocess
import sys
import threading
import time

from jupyter_client import BlockingKernelClient

ATTEMPTS = int(os.environ.get("VOUCH_KERNEL_ATTEMPTS", "5"))
BIND_SECONDS = 120      # JVM start until the shell socket is bound (JShell start-up is slow on a busy machine)
ANSWER_SECONDS = 20     # shell bound until a kernel_info_reply; a healthy kernel answers in one or two seconds


def log(message):
    print(f"[vouch-kernel] {message}", file=sys.stderr, flush=True)


class Kernel:
    """One JVM, its stderr relayed to ours, with an event set once the shell socket is bound."""

    def __init__(self, command):
        self.bound = threading.Event()
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, errors="replace")
        threading.Thread(target=self._relay, daemon=True).start()

    def _relay(self):
        for line in self.process.stderr:
            if "[ShellChannel]: Binding" in line:
                self.bound.set()
            sys.stderr.write(line)
            sys.stderr.flush()

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def answers(connection_file, kernel):
    """True when the kernel replies to kernel_info in time (asked on the ports Jupyter uses)."""
    if not kernel.bound.wait(BIND_SECONDS) or kernel.process.poll() is not None:
        return False
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=ANSWER_SECONDS)
        return True
    except RuntimeError:
        return False
    finally:
        client.stop_channels()


def main(argv):
    if len(argv) < 3:
        print("usage: launch.py JAVA [ARGS...] CONNECTION_FILE", file=sys.stderr)
        return 2
    command, connection_file = argv[1:], argv[-1]
    kernel = None

    def forward(signum, _frame):
        if kernel is not None and kernel.process.poll() is None:
            kernel.process.send_signal(signum)
        if signum == signal.SIGTERM:
            sys.exit(128 + signum)

    for s in (signal.SIGTERM, signal.SIGINT):
        signal.signal(s, forward)
    for attempt in range(1, ATTEMPTS + 1):
        started = time.monotonic()
        kernel = Kernel(command)
        if answers(connection_file, kernel):
            if attempt > 1:
                log(f"kernel answered on attempt {attempt}")
            break
        log(f"kernel did not answer (attempt {attempt} of {ATTEMPTS}, {time.monotonic() - started:.0f} s); restarting")
        kernel.stop()
        time.sleep(0.5)
    else:
        log("giving up")
        return 1
    return kernel.process.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
