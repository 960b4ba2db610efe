package io.lantau.collectibles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * A content-addressed media store on disk: the bytes of a piece of media live in {@code root/<sha256 hex>/content}
 * (a directory named by the hash), written once through a temporary file and an atomic move, so a reader never sees
 * half a file and the same bytes stored twice are one file. What is stored can be pinned elsewhere under its
 * {@link ContentId#cid() CID}. Thread-safe.
 */
public final class MediaStore {
    private static final String CONTENT = "content";
    private final Path root;

    /** @param root the store's directory; created if absent. */
    public MediaStore(Path root) {
        this.root = Objects.requireNonNull(root);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media store at " + root, e);
        }
    }

    /** Stores the bytes (a no-op if already stored) and returns their id. */
    public ContentId put(byte[] content) {
        ContentId id = ContentId.of(content);
        Path file = fileOf(id.sha256Hex());
        if (Files.isRegularFile(file)) {
            return id;
        }
        try {
            Path dir = Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(dir, "upload", ".tmp");
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(temp); // a concurrent writer stored the same bytes first
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media " + id.sha256Hex(), e);
        }
    }

    /** @return the bytes stored under the hash, if any. */
    public Optional<byte[]> get(String sha256Hex) {
        if (!ContentId.isSha256Hex(sha256Hex)) {
            return Optional.empty();
        }
        Path file = fileOf(sha256Hex);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media " + sha256Hex, e);
        }
    }

    /** @return whether bytes with that hash are stored. */
    public boolean contains(String sha256Hex) {
        return ContentId.isSha256Hex(sha256Hex) && Files.isRegularFile(fileOf(sha256Hex));
    }

    private Path fileOf(String sha256Hex) {
        return root.resolve(sha256Hex).resolve(CONTENT);
    }
}
