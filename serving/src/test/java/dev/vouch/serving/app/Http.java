package dev.vouch.serving.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tiny HTTP client for functional tests: raw bodies, headers, and JSON parsing of answers. Every answer is checked
 * against openapi.json ({@link ApiContract}) before the test sees it, so each functional test is also a contract test.
 */
public final class Http {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final ApiContract contract;
    private final int port;

    public Http(int port) {
        this(port, ApiContract.SHARED);
    }

    public int port() {
        return port;
    }

    public Http(int port, ApiContract contract) {
        this.base = "http://127.0.0.1:" + port;
        this.contract = contract;
        this.port = port;
    }

    /** An answer: status, content type, body and every header. */
    public record Answer(int status, String contentType, String body, HttpHeaders headers) {
        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    public Answer get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    /** Any method without a body, e.g. a CORS preflight ({@code OPTIONS}). */
    public Answer request(String method, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public Answer post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.setHeader(headers[0], headers[1]);
            for (int i = 2; i < headers.length; i += 2) {
                b.setHeader(headers[i], headers[i + 1]);
            }
        }
        return send(b.build());
    }

    /**
     * Sends {@code GET target} over a plain socket, for targets java.net.http refuses to send (a malformed URI).
     * The answer is not checked: the caller knows which documented operation it stands for.
     */
    public Answer rawGet(String target) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, split).split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(head[i].substring(colon + 1).trim());
            }
            HttpHeaders all = HttpHeaders.of(headers, (k, v) -> true);
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), all.firstValue("Content-Type").orElse(""),
                    raw.substring(split + 4), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs a body without Content-Length (chunked). */
    public Answer postChunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers());
            String path = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? ""
                    : "?" + request.uri().getRawQuery());
            if (!request.method().equals("OPTIONS")) {
                contract.check(request.method(), path, answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
