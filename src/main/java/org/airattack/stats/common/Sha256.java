package org.airattack.stats.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex: content hashes of reports and posts, ETags. */
public final class Sha256 {

    private Sha256() {
    }

    /** The whole digest of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    /** The first {@code bytes} bytes of the digest, for identifiers that need not be collision-proof at scale. */
    public static String hex(String text, int bytes) {
        return HexFormat.of().formatHex(digest(text), 0, bytes);
    }

    /** The first {@code bytes} bytes of the digest of these bytes. */
    public static String hex(byte[] data, int bytes) {
        return HexFormat.of().formatHex(digest(data), 0, bytes);
    }

    private static byte[] digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
