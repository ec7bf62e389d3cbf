package io.reconcraft.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

/** A service's {@code /actuator/prometheus}, line by line: nothing when it does not answer (then there is no figure). */
final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PrometheusScrape() {
    }

    static Stream<String> lines(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body().lines();
        } catch (IOException e) {
            return Stream.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Stream.empty();
        }
    }
}
