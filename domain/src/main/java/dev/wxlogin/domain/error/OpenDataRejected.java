package dev.wxlogin.domain.error;

/**
 * Open data a mini program handed over ({@code encryptedData}, {@code iv}, {@code rawData}, {@code signature}) is
 * not accepted, and why. Whether the stored session_key is stale decides between {@link Reason#SESSION_KEY_STALE}
 * (the client fetches the data again after {@code wx.login()}) and the reasons that blame the data itself.
 */
public final class OpenDataRejected extends DomainException {
    public enum Reason {
        /** Not base64, an iv that is not 16 bytes, or data the user's current session_key does not decrypt. */
        INVALID_OPEN_DATA,
        /** The signature does not match {@code sha1(rawData + session_key)} of the current session_key. */
        INVALID_SIGNATURE,
        /** Decrypted, but watermarked for another mini program (or not at all). */
        WATERMARK_MISMATCH,
        /** Decrypted, but its watermark is older than the server accepts. */
        OPEN_DATA_EXPIRED,
        /** Made with a session_key a later login replaced: call wx.login() again, then fetch the data again. */
        SESSION_KEY_STALE
    }

    private final Reason reason;

    public OpenDataRejected(Reason reason) {
        super("open data rejected: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
