package dev.wxlogin.archfixtures.compliant.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.archfixtures.compliant.domain.port.out.ForLookingUpNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A driven adapter: the JDK HTTP client and Jackson, where they belong. */
public final class HttpNameLookupAdapter implements ForLookingUpNames {
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;

    public HttpNameLookupAdapter(URI base) {
        this.base = base;
    }

    @Override
    public Optional<String> nameOf(String openId) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/names/" + openId)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode name = json.readTree(response.body()).get("name");
            return Optional.ofNullable(name).map(JsonNode::asText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
