package dev.wxlogin.domain.session;

import java.util.function.IntPredicate;

/** Format checks that run on every authenticated request: a loop, not a stream or a regular expression. */
final class Characters {
    private Characters() {}

    static boolean all(String text, IntPredicate allowed) {
        for (int i = 0; i < text.length(); i++) {
            if (!allowed.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
