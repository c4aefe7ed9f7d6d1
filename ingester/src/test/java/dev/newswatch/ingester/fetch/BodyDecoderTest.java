package dev.newswatch.ingester.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class BodyDecoderTest {

    private static final Charset WINDOWS_949 = Charset.forName("x-windows-949");
    /** 똠, 햏 and 뷁 exist in CP949 but not in EUC-KR, so they prove which decoder ran. */
    private static final String CP949_ONLY = "똠방각하 햏 뷁";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final BodyDecoder decoder = new BodyDecoder(new FetchMetrics(registry));

    private static String page(String charsetMeta, String text) {
        return "<html><head>" + charsetMeta + "<title>시험</title></head><body><p>" + text + "</p></body></html>";
    }

    @Test
    void decodesUtf8WithoutAnyDeclaration() {
        byte[] body = page("", "반도체 수출 " + CP949_ONLY).getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(body, "text/html")).contains("반도체 수출 " + CP949_ONLY);
    }

    @Test
    void eucKrMetaDecodesAsWindows949() {
        byte[] body = page("<meta charset=\"euc-kr\">", "기사 " + CP949_ONLY).getBytes(WINDOWS_949);
        assertThat(decoder.charsetOf(body, "text/html")).isEqualTo(WINDOWS_949);
        assertThat(decoder.decode(body, "text/html")).contains("기사 " + CP949_ONLY).doesNotContain("\uFFFD");
    }

    @Test
    void httpEquivMetaFarBehindInlineScriptIsStillFound() {
        String filler = "<script>var x = '" + "a".repeat(20_000) + "';</script>";
        byte[] body = ("<html><head>" + filler
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ks_c_5601-1987\">"
                + "</head><body><p>" + CP949_ONLY + "</p></body></html>").getBytes(WINDOWS_949);
        assertThat(decoder.decode(body, null)).contains(CP949_ONLY);
    }

    @Test
    void httpHeaderCharsetWinsOverNothingAndIsReadAsWindows949() {
        byte[] body = page("", CP949_ONLY).getBytes(WINDOWS_949);
        assertThat(decoder.decode(body, "text/html; charset=EUC-KR")).contains(CP949_ONLY);
        assertThat(decoder.decode(body, "text/html;charset=\"ks_c_5601-1987\"")).contains(CP949_ONLY);
    }

    @Test
    void byteOrderMarkWinsOverAWrongHeaderAndIsNotPartOfTheText() {
        byte[] text = page("<meta charset=\"euc-kr\">", "인공지능 칩").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(text, 0, body, 3, text.length);
        String decoded = decoder.decode(body, "text/html; charset=euc-kr");
        assertThat(decoded).startsWith("<html>").contains("인공지능 칩");
    }

    @Test
    void unknownCharsetLabelFallsThroughToTheNextClue() {
        byte[] body = page("<meta charset=\"euc-kr\">", CP949_ONLY).getBytes(WINDOWS_949);
        assertThat(decoder.decode(body, "text/html; charset=no-such-charset")).contains(CP949_ONLY);
    }

    @Test
    void undeclaredEucKrIsDetectedFromTheBytes() {
        String text = "미국 상무부가 중국으로 향하는 인공지능 가속기에 대한 수출 통제를 한층 강화하는 방안을 내놓았다. "
                + "업계에서는 이번 조치가 데이터센터 투자 계획에도 영향을 줄 것으로 내다봤다.";
        byte[] body = page("", text).getBytes(WINDOWS_949);
        assertThat(decoder.charsetOf(body, null)).isEqualTo(WINDOWS_949);
        assertThat(decoder.decode(body, null)).contains(text);
    }

    @Test
    void headerCharsetAloneDecidesWhenThePageDeclaresNothing() {
        byte[] body = page("", "반도체 " + CP949_ONLY).getBytes(WINDOWS_949);
        assertThat(decoder.charsetOf(body, "text/html; charset=euc-kr")).isEqualTo(WINDOWS_949);
        assertThat(decoder.decode(body, "text/html; charset=euc-kr")).contains("반도체 " + CP949_ONLY);
    }

    @Test
    void aDeclarationThatBreaksTheTextLosesToOneThatDoesNot() {
        // The server says UTF-8 but the page is EUC-KR and says so in its meta tag, as Naver Finance once did.
        byte[] eucKr = page("<meta charset=\"euc-kr\">", "엔비디아 " + CP949_ONLY).getBytes(WINDOWS_949);
        assertThat(decoder.decode(eucKr, "text/html; charset=utf-8")).contains("엔비디아 " + CP949_ONLY)
                .doesNotContain("\uFFFD");
        // And the other way round: the header is right and the meta tag lies.
        byte[] utf8 = page("<meta charset=\"euc-kr\">", "화웨이 어센드").getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(utf8, "text/html; charset=utf-8")).contains("화웨이 어센드");
    }

    @Test
    void aLyingDeclarationWithNoAlternativeLosesToTheBytes() {
        byte[] body = page("", "삼성전자 파운드리 2나노 고객 확보").getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(body, "text/html; charset=euc-kr")).contains("삼성전자 파운드리 2나노 고객 확보");
    }

    @Test
    void xmlDeclarationInSingleQuotesNamesTheFeedCharset() {
        byte[] body = ("<?xml version='1.0' encoding='euc-kr' ?><rss><channel><title>보안 " + CP949_ONLY
                + "</title></channel></rss>").getBytes(WINDOWS_949);
        assertThat(decoder.charsetOf(body, "text/xml")).isEqualTo(WINDOWS_949);
        assertThat(decoder.decode(body, "text/xml")).contains("보안 " + CP949_ONLY);
    }

    @Test
    void cp949LabelMeansWindows949NotIbm949() {
        byte[] body = page("<meta charset=\"cp949\">", CP949_ONLY).getBytes(WINDOWS_949);
        assertThat(decoder.charsetOf(body, null)).isEqualTo(WINDOWS_949);
    }

    @Test
    void emptyAndBinaryBodiesDecodeWithoutError() {
        assertThat(decoder.decode(new byte[0], null)).isEmpty();
        byte[] junk = new byte[4096];
        new java.util.Random(3).nextBytes(junk);
        assertThat(decoder.decode(junk, "text/html; charset=utf-8")).isNotNull();
    }

    @Test
    void feedContentTypeGetsWindows949ForKoreanLabels() {
        assertThat(decoder.contentTypeForXml("application/rss+xml; charset=euc-kr"))
                .isEqualTo("application/rss+xml; charset=x-windows-949");
        assertThat(decoder.contentTypeForXml("text/xml; charset=UTF-8")).isEqualTo("text/xml; charset=UTF-8");
        assertThat(decoder.contentTypeForXml(null)).isNull();
    }

    private static byte[] withBrokenBytes(byte[] valid, byte... broken) {
        byte[] body = new byte[valid.length + broken.length];
        int middle = valid.length / 2;
        System.arraycopy(valid, 0, body, 0, middle);
        System.arraycopy(broken, 0, body, middle, broken.length);
        System.arraycopy(valid, middle, body, middle + broken.length, valid.length - middle);
        return body;
    }

    private String decodeErrors(String source) {
        return registry.scrape().lines()
                .filter(line -> line.startsWith("newswatch_ingester_decode_errors_total{source=\"" + source + "\"}"))
                .findFirst().orElse("none");
    }

    @Test
    void aFetchedPageWithBytesInvalidInItsCharsetIsCountedForItsSource() {
        String text = "엔비디아 H20 수출 통제 관련 기사 본문이다. ".repeat(20);
        byte[] body = withBrokenBytes(page("<meta charset=\"utf-8\">", text).getBytes(StandardCharsets.UTF_8),
                (byte) 0xED, (byte) 0xA0, (byte) 0xFF, (byte) 0xC3);
        FetchedBody page = new FetchedBody(URI.create("http://127.0.0.1/news/1"), "text/html; charset=utf-8", body);

        String decoded = decoder.decode(page, "etnews-it");

        assertThat(decoded).isEqualTo(decoder.decode(body, "text/html; charset=utf-8")).contains("\uFFFD")
                .contains("엔비디아 H20 수출 통제");
        assertThat(decodeErrors("etnews-it")).endsWith(" 1.0");
        decoder.decode(page, "etnews-it");
        assertThat(decodeErrors("etnews-it")).as("once per page decoded").endsWith(" 2.0");
    }

    @Test
    void aPageThatWritesTheReplacementCharacterItselfAndAKoreanPageAreNotCounted() {
        byte[] ownReplacement = page("", "깨진 글자는 \uFFFD 로 표시된다").getBytes(StandardCharsets.UTF_8);
        byte[] korean = page("<meta charset=\"euc-kr\">", "기사 " + CP949_ONLY).getBytes(WINDOWS_949);

        assertThat(decoder.decode(new FetchedBody(URI.create("http://127.0.0.1/a"), "text/html", ownReplacement),
                "own")).contains("\uFFFD");
        assertThat(decoder.decode(new FetchedBody(URI.create("http://127.0.0.1/b"), "text/html", korean), "korean"))
                .contains(CP949_ONLY);

        assertThat(decodeErrors("own")).isEqualTo("none");
        assertThat(decodeErrors("korean")).isEqualTo("none");
    }
}
