package dev.wxlogin.domain.opendata;

import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.user.UnionId;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decrypted, verified open data, its watermark removed: the members as WeChat wrote them (strings, numbers,
 * booleans, lists and maps), and which known shape they have.
 */
public record OpenData(Kind kind, Map<String, Object> members) {
    /** The payloads WeChat documents, told apart by the member only that shape has. */
    public enum Kind {
        /** The legacy {@code getPhoneNumber} payload: phoneNumber, purePhoneNumber, countryCode (a string here). */
        PHONE,
        /** {@code wx.getUserInfo} / {@code wx.getUserProfile}: nickName, avatarUrl, … and openId, unionId if sent. */
        USER_INFO,
        /** {@code wx.getWeRunData}: stepInfoList. */
        WERUN,
        /** Share info: openGId. */
        SHARE,
        /** Anything else WeChat encrypts with the session_key; returned as it is. */
        OTHER
    }

    public OpenData {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The plaintext of a decryption, minus its watermark. */
    static OpenData of(Map<String, Object> plaintext) {
        Map<String, Object> members = new LinkedHashMap<>(plaintext);
        members.remove(Watermark.MEMBER);
        return new OpenData(kindOf(members), members);
    }

    private static Kind kindOf(Map<String, Object> members) {
        if (members.containsKey("phoneNumber")) {
            return Kind.PHONE;
        }
        if (members.containsKey("stepInfoList")) {
            return Kind.WERUN;
        }
        if (members.containsKey("openGId")) {
            return Kind.SHARE;
        }
        return members.containsKey("nickName") || members.containsKey("unionId") ? Kind.USER_INFO : Kind.OTHER;
    }

    /** User info's {@code unionId}, when it has one that is a well-formed unionid. */
    public Optional<UnionId> unionId() {
        if (kind != Kind.USER_INFO || !(members.get("unionId") instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UnionId(text));
        } catch (InvalidInput malformed) {
            return Optional.empty();
        }
    }

    /**
     * The legacy phone payload's number, when it is a well-formed one; its {@code countryCode} is a string there,
     * but a number is taken as well.
     */
    public Optional<PhoneNumber> phone() {
        Object countryCode = members.get("countryCode");
        if (kind != Kind.PHONE || !(members.get("phoneNumber") instanceof String number)
                || !(members.get("purePhoneNumber") instanceof String pure) || countryCode == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PhoneNumber(number, pure, countryCode.toString()));
        } catch (InvalidInput malformed) {
            return Optional.empty();
        }
    }
}
