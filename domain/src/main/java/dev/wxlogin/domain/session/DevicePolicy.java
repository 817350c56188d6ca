package dev.wxlogin.domain.session;

/** How many sessions one user may hold at once. */
public enum DevicePolicy {
    /** Up to {@link SessionPolicy#maxPerUser()} sessions; a login beyond that ends the oldest. */
    MULTIPLE,
    /** One session: every login ends all earlier sessions of the user ("single sign-on"). */
    SINGLE
}
