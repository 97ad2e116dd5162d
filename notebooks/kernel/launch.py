"""Starts the Java kernel for Jupyter and restarts it when it comes up deaf.

The kernelspec's argv is: python3 launch.py JAVA [JVM ARGS...] MAIN_CLASS CONNECTION_FILE.

About one start in four on a busy machine, the rapaio kernel binds its sockets but its shell socket never delivers
a message (jeromq; the JVM is alive, so Jupyter waits for its whole start-up timeout and gives up). The kernel logs
every shell message it takes ("[ShellChannel]: Handling message: ..."). This wrapper relays that log and, to be sure
a message comes, asks for kernel_info itself on the ports Jupyter uses. A kernel whose shell has taken any message
within ANSWER_SECONDS of binding is healthy and is never touched again; one that has not is killed and started
again on the same ports. Jupyter's client reconnects by itself (ZeroMQ) and keeps asking for kernel_info until the
new kernel answers, so a restart only costs time.
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
ANSWER_SECONDS = float(os.environ.get("VOUCH_KERNEL_ANSWER_SECONDS", "20"))  # shell bound until it takes a message


def log(message):
    print(f"[vouch-kernel] {message}", file=sys.stderr, flush=True)


class Kernel:
    """One JVM, its stderr relayed to ours; events for 'shell bound' and 'shell took a message'."""

    def __init__(self, command):
        self.bound = threading.Event()
        self.hearing = threading.Event()
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, errors="replace")
        threading.Thread(target=self._relay, daemon=True).start()

    def _relay(self):
        for line in self.process.stderr:
            if "[ShellChannel]: Binding" in line:
                self.bound.set()
            elif "[ShellChannel]:" in line and "message" in line:   # "Handling message: …", "Unhandled message: …"
                self.hearing.set()
            sys.stderr.write(line)
            sys.stderr.flush()

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        if self.alive():
            self.process.kill()
        self.process.wait()


def hears(connection_file, kernel):
    """True once the kernel's shell takes a message, ours or anyone's, within ANSWER_SECONDS of binding."""
    if not kernel.bound.wait(BIND_SECONDS) or not kernel.alive():
        return False
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels(iopub=False, stdin=False, hb=False, control=False)
    try:
        deadline = time.monotonic() + ANSWER_SECONDS
        while time.monotonic() < deadline and kernel.alive():
            if kernel.hearing.is_set():
                return True
            client.kernel_info()
            kernel.hearing.wait(1.0)
        return kernel.hearing.is_set()
    finally:
        client.stop_channels()


def main(argv):
    if len(argv) < 3:
        print("usage: launch.py JAVA [ARGS...] CONNECTION_FILE", file=sys.stderr)
        return 2
    command, connection_file = argv[1:], argv[-1]
    kernel = None

    def forward(signum, _frame):
        if kernel is not None and kernel.alive():
            kernel.process.send_signal(signum)
        if signum == signal.SIGTERM:
            sys.exit(128 + signum)

    for s in (signal.SIGTERM, signal.SIGINT):
        signal.signal(s, forward)
    for attempt in range(1, ATTEMPTS + 1):
        started = time.monotonic()
        kernel = Kernel(command)
        if hears(connection_file, kernel):
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
