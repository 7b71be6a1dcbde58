package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away certificate authority and one server certificate for {@code localhost} and {@code 127.0.0.1},
 * generated with the JDK's {@code keytool} (no openssl, no extra library), for tests that run the broker,
 * PostgreSQL and the OIDC provider over TLS. Nothing here is meant to outlive the test run: the keystore
 * password is random and the certificates are valid for two days.
 *
 * @param dir          where the files are
 * @param caCertificate the CA certificate (PEM): what clients trust
 * @param serverKeyStore PKCS12 holding the server key, its certificate and the CA certificate
 * @param serverCertificate the server certificate (PEM)
 * @param serverKey    the server's private key (PKCS#8 PEM, mode 0600), for PostgreSQL
 * @param password     the password of both PKCS12 files
 */
public record TlsMaterial(Path dir, Path caCertificate, Path serverKeyStore, Path serverCertificate, Path serverKey,
        String password) {

    /** Generates a new CA and server certificate under {@code dir} (about 2 s: seven keytool runs). */
    public static TlsMaterial generate(Path dir) {
        try {
            Dirs.deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String password = randomPassword();
        Path ca = dir.resolve("ca.p12");
        Path caCrt = dir.resolve("ca.crt");
        Path server = dir.resolve("server.p12");
        Path csr = dir.resolve("server.csr");
        Path serverCrt = dir.resolve("server.crt");
        Path serverKey = dir.resolve("server.key");
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=probation-inspection test CA", "-ext", "bc:c=ca:true", "-ext", "ku:c=keyCertSign,cRLSign",
                "-validity", "2", "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
                "-file", caCrt.toString());
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool(dir, "-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", password,
                "-file", csr.toString());
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password, "-infile",
                csr.toString(), "-outfile", serverCrt.toString(), "-rfc", "-validity", "2",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "ku:c=digitalSignature,keyAgreement",
                "-ext", "eku=serverAuth");
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-file", caCrt.toString(), "-keystore", server.toString(),
                "-storepass", password);
        keytool(dir, "-importcert", "-noprompt", "-alias", "server", "-file", serverCrt.toString(), "-keystore",
                server.toString(), "-storepass", password);
        writePrivateKey(server, password, serverKey);
        return new TlsMaterial(dir, caCrt, server, serverCrt, serverKey, password);
    }

    /** A server-side SSLContext with the server certificate, for JDK servers (the OIDC provider). */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(serverKeyStore)) {
                store.load(in, password.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the server's SSLContext", e);
        }
    }

    private static void writePrivateKey(Path keyStore, String password, Path target) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, password.toCharArray());
            }
            PrivateKey key = (PrivateKey) store.getKey("server", password.toCharArray());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.deleteIfExists(target);
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(target, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the server key from " + keyStore, e);
        }
    }

    private static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Path log = dir.resolve("keytool.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A random password (URL-safe characters), generated for one test run and never written down. */
    public static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
