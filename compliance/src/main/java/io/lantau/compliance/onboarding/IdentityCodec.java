package io.lantau.compliance.onboarding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** The sealed identity's plaintext layout: a version byte, then the fields (UTF, epoch day, enum name). */
final class IdentityCodec {
    private static final byte VERSION = 1;

    private IdentityCodec() {
    }

    static byte[] encode(KycIdentity identity) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(identity.legalName());
            out.writeLong(identity.dateOfBirth().toEpochDay());
            out.writeUTF(identity.idDocumentType().name());
            out.writeUTF(identity.idDocumentNumber());
            out.writeUTF(identity.nationality());
            out.writeUTF(identity.residency());
            out.writeUTF(identity.address());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static KycIdentity decode(byte[] plaintext) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown sealed identity version " + version);
            }
            return new KycIdentity(in.readUTF(), LocalDate.ofEpochDay(in.readLong()),
                    IdentityDocumentType.valueOf(in.readUTF()), in.readUTF(), in.readUTF(), in.readUTF(),
                    in.readUTF());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
