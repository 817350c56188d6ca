package dev.wxlogin.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * WXLOGIN_DATA_DIR: where the embedded H2 database and the sandbox's data key live, so only its owner may enter
 * it. H2 creates its files with the process's umask (usually readable by everyone); a private directory is what
 * keeps them private, whatever their own bits say. Nothing is checked where the file system has no POSIX
 * permissions.
 */
final class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataDirectory() {}

    static Path from(ConfigurationSource config) {
        return Path.of(config.text("WXLOGIN_DATA_DIR", "data"));
    }

    /**
     * Creates the directory {@code rwx------}. An existing one that group or others may use is tightened to that,
     * with a WARN: directories made by older versions, or by H2 itself, are usually {@code rwxr-xr-x}.
     */
    static void prepare(Path dir) {
        try {
            if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir);
                return;
            }
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            tighten(dir);
        } catch (IOException e) {
            throw new InvalidConfiguration("cannot create the data directory " + dir + " (WXLOGIN_DATA_DIR): " + e);
        }
    }

    private static void tighten(Path dir) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        if (OWNER_ONLY.containsAll(permissions)) {
            return;
        }
        Set<PosixFilePermission> ownerOnly = EnumSet.copyOf(permissions);
        ownerOnly.retainAll(OWNER_ONLY);
        try {
            Files.setPosixFilePermissions(dir, ownerOnly);
        } catch (IOException e) {
            throw new InvalidConfiguration("the data directory " + dir + " is open to other users ("
                    + PosixFilePermissions.toString(permissions) + ") and cannot be made private: run `chmod 700 "
                    + dir + "`, or point WXLOGIN_DATA_DIR elsewhere");
        }
        LOG.warn("The data directory {} was open to other users ({}); it is now {}, so only its owner can read the"
                + " database and the data key", dir, PosixFilePermissions.toString(permissions),
                PosixFilePermissions.toString(ownerOnly));
    }
}
