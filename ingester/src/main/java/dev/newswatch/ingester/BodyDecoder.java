package dev.newswatch.ingester;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched bytes into text. The charset comes from, in order: a byte-order mark, the HTTP Content-Type, a
 * {@code <meta charset>} or {@code http-equiv} declaration anywhere in the head, and else UTF-8. Jsoup alone
 * would miss a declaration behind 5 KB of inline script and cannot see the HTTP header.
 */
public final class BodyDecoder {

    /**
     * What Korean sites call EUC-KR is in practice Microsoft's superset (it has 똠 and 햏, which EUC-KR lacks).
     * Java's "cp949" alias names x-IBM949, a different charset, so it is mapped here too.
     */
    private static final Charset WINDOWS_949 = Charset.forName("x-windows-949");
    private static final Set<String> KOREAN_LABELS = Set.of(
            "euc-kr", "euckr", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "ksc_5601", "korean", "csksc56011987",
            "iso-ir-149", "cp949", "ms949", "windows-949", "x-windows-949");

    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEAD_END = Pattern.compile("</head\\s*>", Pattern.CASE_INSENSITIVE);

    /** The text of an HTML body, decoded with the charset {@link #charsetOf} finds. */
    public String decode(byte[] body, String contentType) {
        Charset charset = charsetOf(body, contentType);
        int bomLength = bomLength(body);
        return new String(body, bomLength, body.length - bomLength, charset);
    }

    public Charset charsetOf(byte[] body, String contentType) {
        return bomCharset(body)
                .or(() -> charsetParameter(contentType))
                .or(() -> declaredCharset(body))
                .orElse(StandardCharsets.UTF_8);
    }

    /**
     * The Content-Type to hand to ROME's XmlReader, with a Korean charset label replaced by windows-949 so an
     * EUC-KR feed with CP949-only syllables decodes; without a charset parameter ROME reads the XML prolog.
     */
    public String contentTypeForXml(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher matcher = HEADER_CHARSET.matcher(contentType);
        if (!matcher.find() || !KOREAN_LABELS.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
            return contentType;
        }
        return contentType.substring(0, matcher.start(1)) + WINDOWS_949.name() + contentType.substring(matcher.end(1));
    }

    /** The charset a label names, or empty when Java does not know it. */
    private static Optional<Charset> charsetNamed(String label) {
        String normalized = label.strip().toLowerCase(Locale.ROOT);
        if (KOREAN_LABELS.contains(normalized)) {
            return Optional.of(WINDOWS_949);
        }
        try {
            return Optional.of(Charset.forName(normalized));
        } catch (IllegalArgumentException unknownOrUnsupported) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> charsetParameter(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher matcher = HEADER_CHARSET.matcher(contentType);
        return matcher.find() ? charsetNamed(matcher.group(1)) : Optional.empty();
    }

    private static Optional<Charset> declaredCharset(byte[] body) {
        // ISO-8859-1 maps every byte to one char, so ASCII markup can be searched before the charset is known.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        Matcher headEnd = HEAD_END.matcher(raw);
        String head = headEnd.find() ? raw.substring(0, headEnd.start()) : raw;
        for (Pattern declaration : new Pattern[] {XML_ENCODING, META_CHARSET}) {
            Matcher matcher = declaration.matcher(head);
            if (matcher.find()) {
                Optional<Charset> charset = charsetNamed(matcher.group(1));
                if (charset.isPresent()) {
                    return charset;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> bomCharset(byte[] body) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static int bomLength(byte[] body) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        return startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE) ? 2 : 0;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
