package dev.wxlogin.archfixtures.json_only_in_adapters.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** VIOLATION of jsonOnlyInAdapters: the persistence adapter stores a column as Jackson-made JSON. */
public final class ClientInfoColumn {
    private final ObjectMapper json = new ObjectMapper();

    public String toColumn(Map<String, String> clientInfo) throws JsonProcessingException {
        return json.writeValueAsString(clientInfo);
    }
}
