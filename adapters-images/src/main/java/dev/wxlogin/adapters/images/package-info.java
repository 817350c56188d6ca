/**
 * The image adapter: proves an avatar upload is the image it claims to be by decoding it with ImageIO (the JDK's
 * JPEG and PNG readers, TwelveMonkeys' WebP reader) and keeps only its re-encoded pixels.
 * {@link dev.wxlogin.adapters.images.ImageIoImageCleaningAdapter} is the entry point.
 */
package dev.wxlogin.adapters.images;
