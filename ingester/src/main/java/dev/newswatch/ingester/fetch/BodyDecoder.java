package dev.newswatch.ingester.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mozilla.universalchardet.UniversalDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Turns fetched bytes into text. The charset comes from, in order: a byte-order mark; the HTTP Content-Type and
 * the page's own {@code <?xml encoding>}, {@code <meta charset>} or {@code http-equiv} declaration (found anywhere
 * in the head, not only in jsoup's first 5 KB); and for a page that declares nothing, the bytes themselves (valid
 * UTF-8, else statistical detection). Korean sites lie about charsets, so a declaration under which the bytes
 * do not decode loses to one under which they do.
 *
 * <p>Bytes that are not valid in the charset chosen become U+FFFD, as always in Java; a fetched page with such
 * bytes is counted as {@code newswatch.ingester.decode.errors} of its source and logged once, so broken text
 * published downstream can be traced to where it came from.
 */
public final class BodyDecoder {

    private static final Logger log = LoggerFactory.getLogger(BodyDecoder.class);
    private static final char REPLACEMENT = '\uFFFD';

    /**
     * What Korean sites call EUC-KR is in practice Microsoft's superset (it has 똠 and 햏, which EUC-KR lacks).
     * Java's "cp949" alias names x-IBM949, a different charset, so it is mapped here too.
     */
    private static final Charset WINDOWS_949 = Charset.forName("x-windows-949");
    private static final Set<String> KOREAN_LABELS = Set.of(
            "euc-kr", "euckr", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "ksc_5601", "korean", "csksc56011987",
            "iso-ir-149", "cp949", "ms949", "windows-949", "x-windows-949", "uhc", "x-euc-kr");
    /** Declarations live in the head; a page whose head runs longer than this declares nothing usable. */
    private static final int DECLARATION_SCAN_BYTES = 256 * 1024;
    private static final int DETECTION_SAMPLE_BYTES = 256 * 1024;

    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^<>]{0,1024}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s{0,64}<\\?xml[^<>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9_:.\\-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEAD_END = Pattern.compile("</head\\s*>", Pattern.CASE_INSENSITIVE);

    private final FetchMetrics metrics;

    /** A decoder that counts nothing, for files read outside the service. */
    public BodyDecoder() {
        this(FetchMetrics.discarding());
    }

    public BodyDecoder(FetchMetrics metrics) {
        this.metrics = metrics;
    }

    /** The text of a body, decoded with the charset {@link #charsetOf} finds, without its byte-order mark. */
    public String decode(byte[] body, String contentType) {
        return decode(body, charsetOf(body, contentType));
    }

    /**
     * The text of a page fetched for {@code sourceId}, as {@link #decode(byte[], String)} gives it; bytes not
     * valid in its charset are counted and logged.
     */
    public String decode(FetchedBody page, String sourceId) {
        Charset charset = charsetOf(page.body(), page.contentType());
        String text = decode(page.body(), charset);
        // Only a text holding U+FFFD can come from broken bytes; the page may also have written it itself.
        if (text.indexOf(REPLACEMENT) >= 0) {
            long malformed = malformedBytes(page.body(), charset);
            if (malformed > 0) {
                metrics.malformedBody(sourceId);
                log.info("Source {}: {} of the {} bytes of {} are not valid {} and were read as U+FFFD", sourceId,
                        malformed, page.body().length, page.url(), charset.name());
            }
        }
        return text;
    }

    private static String decode(byte[] body, Charset charset) {
        int bomLength = bomLength(body);
        return new String(body, bomLength, body.length - bomLength, charset);
    }

    /** How many bytes of {@code body}, after its byte-order mark, are malformed or unmappable in {@code charset}. */
    private static long malformedBytes(byte[] body, Charset charset) {
        int bomLength = bomLength(body);
        ByteBuffer in = ByteBuffer.wrap(body, bomLength, body.length - bomLength);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer discarded = CharBuffer.allocate(8192);
        long malformed = 0;
        while (true) {
            CoderResult result = decoder.decode(in, discarded, true);
            if (result.isError()) {
                malformed += result.length();
                in.position(in.position() + result.length());
            } else if (result.isOverflow()) {
                discarded.clear();
            } else {
                return malformed;
            }
        }
    }

    /** The charset of a body; {@code contentType} is the HTTP header, or null when there is none (a file). */
    public Charset charsetOf(byte[] body, String contentType) {
        Optional<Charset> bom = bomCharset(body);
        if (bom.isPresent()) {
            return bom.get();
        }
        List<Charset> declared = new ArrayList<>();
        charsetParameter(contentType).ifPresent(declared::add);
        declaredCharset(body).filter(charset -> !declared.contains(charset)).ifPresent(declared::add);
        for (Charset charset : declared) {
            if (decodesCleanly(body, charset)) {
                return charset;
            }
        }
        Optional<Charset> sniffed = sniffed(body);
        if (declared.isEmpty()) {
            return sniffed.orElse(StandardCharsets.UTF_8);
        }
        // Every declaration leaves broken characters: trust the bytes if they read cleanly another way.
        return sniffed.filter(charset -> decodesCleanly(body, charset)).orElse(declared.get(0));
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
        String raw = new String(body, 0, Math.min(body.length, DECLARATION_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher headEnd = HEAD_END.matcher(raw);
        String head = headEnd.find() ? raw.substring(0, headEnd.start()) : raw;
        for (Pattern declaration : new Pattern[] {XML_ENCODING, META_CHARSET}) {
            Matcher matcher = declaration.matcher(head);
            while (matcher.find()) {
                Optional<Charset> charset = charsetNamed(matcher.group(1));
                if (charset.isPresent()) {
                    return charset;
                }
            }
        }
        return Optional.empty();
    }

    /** What undeclared bytes are: UTF-8 when they are valid UTF-8, else what the detector finds. */
    private static Optional<Charset> sniffed(byte[] body) {
        if (decodesCleanly(body, StandardCharsets.UTF_8)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, Math.min(body.length, DETECTION_SAMPLE_BYTES));
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        return detected == null ? Optional.empty() : charsetNamed(detected);
    }

    private static boolean decodesCleanly(byte[] body, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException broken) {
            return false;
        }
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
