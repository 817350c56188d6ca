package dev.wxlogin.adapters.passwords;

import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.port.out.ForRecognisingCommonPasswords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The passwords guessed first, from {@code common-passwords.txt} beside this class (where it comes from and its
 * licence are in the file and in docs/architecture.md). Compared in lower case: {@code Password1} is as common as
 * {@code password1}. Loaded once, about 5,000 entries.
 */
public final class BundledListCommonPasswordsAdapter implements ForRecognisingCommonPasswords {
    private static final String LIST = "common-passwords.txt";

    private final Set<String> common;

    public BundledListCommonPasswordsAdapter() {
        this.common = load();
    }

    @Override
    public boolean isCommon(Password password) {
        return common.contains(password.lowerCase());
    }

    int size() {
        return common.size();
    }

    private static Set<String> load() {
        try (InputStream in = BundledListCommonPasswordsAdapter.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return lines.lines().filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
