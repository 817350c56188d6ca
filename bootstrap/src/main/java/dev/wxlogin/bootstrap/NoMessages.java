package dev.wxlogin.bootstrap;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

import java.util.Locale;

/**
 * The context's message source: wxlogin translates nothing through Spring, so every message is its default or
 * missing. Registered so that Spring does not make its own, a {@code DelegatingMessageSource}, whose class
 * initialiser (in {@code MessageSourceSupport}) lists every locale of the JDK: about 15 ms of the start-up's main
 * thread.
 */
final class NoMessages implements MessageSource {
    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        return defaultMessage;
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        throw new NoSuchMessageException(code, locale);
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        if (resolvable.getDefaultMessage() != null) {
            return resolvable.getDefaultMessage();
        }
        String[] codes = resolvable.getCodes();
        throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[codes.length - 1], locale);
    }
}
