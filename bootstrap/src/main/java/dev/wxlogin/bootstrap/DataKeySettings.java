package dev.wxlogin.bootstrap;

import java.util.List;
import java.util.Optional;

/**
 * The keys that encrypt session_keys at rest, decoded: WXLOGIN_DATA_KEY (without it, the sandbox makes one in the
 * data directory, see {@link DataKeys}) and WXLOGIN_DATA_KEYS_RETIRED, still accepted for reading.
 */
public record DataKeySettings(Optional<byte[]> current, List<byte[]> retired) {
    static DataKeySettings from(ConfigurationSource config) {
        return new DataKeySettings(
                config.text("WXLOGIN_DATA_KEY").map(text -> DataKeys.decode(text, "WXLOGIN_DATA_KEY")),
                config.list("WXLOGIN_DATA_KEYS_RETIRED", List.of()).stream()
                        .map(text -> DataKeys.decode(text, "WXLOGIN_DATA_KEYS_RETIRED"))
                        .toList());
    }

    /** Keys are secrets: only whether they are there. */
    @Override
    public String toString() {
        return "DataKeySettings[current=" + (current.isPresent() ? "configured" : "none") + ", retired=" + retired.size() + "]";
    }
}
