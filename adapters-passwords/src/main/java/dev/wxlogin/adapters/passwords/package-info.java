/**
 * Passwords: Argon2id hashes in PHC strings (BouncyCastle, pure Java) behind {@code ForHashingPasswords}, and the
 * bundled list of common passwords behind {@code ForRecognisingCommonPasswords}.
 */
package dev.wxlogin.adapters.passwords;
