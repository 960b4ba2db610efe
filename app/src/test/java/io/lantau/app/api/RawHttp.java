package io.lantau.app.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, sending exactly the bytes it is given: for requests that {@code java.net.http} refuses
 * to build (invalid percent escapes, raw non-ASCII bytes, odd methods, repeated headers, lying content types). One
 * connection per request, closed after the answer.
 */
final class RawHttp {
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** An answer: status, headers by lower-case name, body bytes. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return the body as a JSON object, or {@code null} if it is not one. */
        JsonObject jsonOrNull() {
            try {
                return new JsonObject(text());
            } catch (DecodeException | ClassCastException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    /** Sends {@code method target} with the given headers (a {@code Content-Length} is added for a body). */
    Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeAscii(out, method + " " + target + " HTTP/1.1\r\n");
        writeAscii(out, "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            writeAscii(out, h.getKey() + ": " + h.getValue() + "\r\n");
        }
        if (body != null) {
            writeAscii(out, "Content-Length: " + body.length + "\r\n");
        }
        writeAscii(out, "\r\n");
        if (body != null) {
            out.writeBytes(body);
        }
        return sendBytes(out.toByteArray());
    }

    /** Sends a request target whose bytes are taken as ISO-8859-1 (so {@code \u00ff} is the raw byte 0xFF). */
    Answer sendLatin1Target(String method, String target, Map<String, String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        writeAscii(out, "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            writeAscii(out, h.getKey() + ": " + h.getValue() + "\r\n");
        }
        writeAscii(out, "\r\n");
        return sendBytes(out.toByteArray());
    }

    /** Sends raw bytes and reads one answer. */
    Answer sendBytes(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream os = socket.getOutputStream();
            os.write(request);
            os.flush();
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no answer within " + READ_TIMEOUT_MILLIS + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one HTTP/1.1 answer (Content-Length, chunked, or until close). */
    static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).trim());
        }
        byte[] body;
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.getFirst()));
        } else if (encoding != null && encoding.getFirst().equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                out.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = out.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = out.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            out.write(b);
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
