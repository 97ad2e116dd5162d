package dev.vouch.serving.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.serving.model.ModelFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Finding 1 of issue 12: 300 connections that send a POST's headers with {@code Content-Length: 1000} and then one
 * body byte every 25 s must not stop {@code /health} and {@code /ready} from answering, and the server itself must
 * close them. The slow clients come from 127.0.0.1; the health checks from 127.0.0.2 (also loopback), as a
 * monitoring host would be a different address from an attacker's.
 */
class SlowClientsIT {
    private static final int SLOW = 300;
    private static final String SLOW_HEAD = "POST /api/suggestions HTTP/1.1\r\nHost: vouch\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{";

    @Test
    void healthAnswersWithinASecondAndTheServerClosesTrickledBodies() throws Exception {
        ServerConfig config = ServerConfig.of(ModelFixture.sharedStore().modelsDir()).withPort(0)
                .withWatchInterval(Duration.ZERO);
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Socket> slow = new ArrayList<>();
        try (VouchServer server = VouchServer.start(config)) {
            for (int i = 0; i < SLOW; i++) {
                slow.add(openSlow(server.port()));
            }
            trickle.scheduleAtFixedRate(() -> slow.forEach(SlowClientsIT::sendOneByte), 25, 25, TimeUnit.SECONDS);
            Thread.sleep(2_000); // let every accepted body read block a pool thread

            for (String path : List.of("/health", "/ready", "/health", "/ready", "/health")) {
                long started = System.nanoTime();
                String status = statusLine("127.0.0.2", server.port(), path);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(status).as(path).startsWith("HTTP/1.1 200");
                assertThat(millis).as(path + " answered in ms").isLessThan(1_000);
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int closed = 0;
            for (Socket s : slow) {
                if (closedByServer(s, deadline)) {
                    closed++;
                }
            }
            assertThat(closed).as("slow connections closed by the server").isEqualTo(SLOW);
            for (int i = 0; i < 3; i++) { // the closed connections no longer count against their address
                assertThat(statusLine("127.0.0.1", server.port(), "/health")).startsWith("HTTP/1.1 200");
            }
        } finally {
            trickle.shutdownNow();
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aBodyTrickledWithinTheIdleTimeoutGetsA408ProblemNotA500() throws Exception {
        ServerConfig config = ServerConfig.of(ModelFixture.sharedStore().modelsDir()).withPort(0)
                .withWatchInterval(Duration.ZERO);
        try (VouchServer server = VouchServer.start(config); Socket s = openSlow(server.port())) {
            Thread.sleep(2_500); // 1 byte in 2.5 s is below the 16 B/s floor, well within the 10 s idle timeout
            sendOneByte(s);
            s.setSoTimeout(15_000);
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("\"status\":408");
        }
    }

    private static Socket openSlow(int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        try {
            s.getOutputStream().write(SLOW_HEAD.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        } catch (IOException e) {
            // already closed by the server: that is one of the outcomes we want
        }
        return s;
    }

    private static void sendOneByte(Socket s) {
        try {
            s.getOutputStream().write(' ');
            s.getOutputStream().flush();
        } catch (IOException e) {
            // closed by the server
        }
    }

    /** The status line of a GET sent from {@code source}, with a 1 s budget for connect and answer. */
    private static String statusLine(String source, int port, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            s.setSoTimeout(1_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: vouch\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder line = new StringBuilder();
            InputStream in = s.getInputStream();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        } catch (SocketTimeoutException e) {
            return "no answer within 1 s";
        }
    }

    /** True once the server has closed the connection (end of stream or reset) before the deadline. */
    private static boolean closedByServer(Socket s, long deadline) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[1024];
        while (System.nanoTime() < deadline) {
            s.setSoTimeout((int) Math.max(1, Math.min(1_000, (deadline - System.nanoTime()) / 1_000_000)));
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open; keep waiting
            } catch (IOException e) {
                return true; // reset by the server
            }
        }
        return false;
    }
}
