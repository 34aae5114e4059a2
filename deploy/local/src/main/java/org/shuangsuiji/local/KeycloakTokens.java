package org.shuangsuiji.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Real access tokens from the realm: password grant on the public client (demo users only). */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KeycloakTokens(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** Demo users' password is the user name followed by {@code -pass}. */
    public String forDemoUser(String username) {
        return password(username, username + "-pass");
    }

    public String password(String username, String password) {
        return request(Map.of("grant_type", "password", "client_id", Settings.PUBLIC_CLIENT,
                "username", username, "password", password, "scope", "openid"));
    }

    public String clientCredentials(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token request failed (" + r.statusCode() + "): " + r.body());
            }
            JsonNode json = JSON.readTree(r.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token request to " + tokenEndpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code curl} that gets a token for {@code username}, for the launcher's banner and the README. */
    public static String curlFor(String tokenEndpoint, String username) {
        return "curl -s -d grant_type=password -d client_id=" + Settings.PUBLIC_CLIENT + " -d username=" + username
                + " -d password=" + username + "-pass " + tokenEndpoint + " | jq -r .access_token";
    }
}
