package io.reconcraft.toolrunner.execution.live.gitleaks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A git repository served over https on 127.0.0.1 (a free port), the way git's "dumb" HTTP transport
 * reads it: static files of a bare repository. Built with the git and keytool of this machine; its
 * certificate is self-signed and thrown away with the test.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class LoopbackGitServer implements AutoCloseable {

    private static final char[] PASSWORD = "loopback-test-only".toCharArray();

    private final HttpsServer server;
    private final Path bare;

    /** A repository whose branch {@code main} holds one file of {@code bytes} random (incompressible) bytes. */
    static LoopbackGitServer withRandomFile(Path dir, long bytes) throws Exception {
        Path work = dir.resolve("work");
        Files.createDirectories(work);
        git(dir, "init", "-q", "-b", "main", work.toString());
        writeRandom(work.resolve("blob.bin"), bytes);
        Files.writeString(work.resolve("README"), "test repository\n");
        git(work, "add", ".");
        git(work, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "large file");
        Path bare = dir.resolve("repo.git");
        git(dir, "clone", "-q", "--bare", work.toString(), bare.toString());
        git(bare, "update-server-info");

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls(dir)));
        server.setExecutor(Executors.newFixedThreadPool(4));
        LoopbackGitServer git = new LoopbackGitServer(server, bare);
        server.createContext("/repo.git/", git::serve);
        server.start();
        return git;
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/repo.git/".length());
            Path file = bare.resolve(path).normalize();
            if (!file.startsWith(bare) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the clone gave up (its workspace was full): nothing more to send
            }
        }
    }

    private static SSLContext tls(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(dir, List.of(keytool, "-genkeypair", "-alias", "repo", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void writeRandom(Path file, long bytes) throws IOException {
        Random random = new Random(17);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }

    private static void git(Path dir, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        run(dir, command);
    }

    private static void run(Path dir, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
