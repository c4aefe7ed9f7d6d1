package dev.newswatch.enricher.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void foldsFullWidthLettersAndCaseAndMapsBackToOriginalOffsets() {
        String original = "중국은 ＮＶＩＤＩＡ　Ｈ２０을 샀다";
        NormalizedText normalized = normalizer.normalize(original);

        assertThat(normalized.text()).isEqualTo("중국은 nvidia h20을 샀다");
        int start = normalized.text().indexOf("h20");
        TextSpan span = normalized.toOriginal(start, start + 3);
        assertThat(span.of(original)).isEqualTo("Ｈ２０");
    }

    @Test
    void unifiesHyphensMiddleDotsAndWhiteSpaceRuns() {
        String original = "Ascend\u2013910C  \n\t와 950PR\u30FB950DT\u00A0출시";
        NormalizedText normalized = normalizer.normalize(original);

        assertThat(normalized.text()).isEqualTo("ascend-910c 와 950pr·950dt 출시");
        int space = normalized.text().indexOf(' ');
        assertThat(normalized.toOriginal(space, space + 1).of(original)).isEqualTo("  \n\t");
        int after = normalized.text().indexOf("와");
        assertThat(normalized.toOriginal(after, after + 1).start()).isEqualTo(original.indexOf('와'));
    }

    @Test
    void composesDecomposedHangulAndDropsInvisibleCharacters() {
        String decomposed = "\u1112\u116A\u110B\u1170\u110B\u1175\u200B는";
        NormalizedText normalized = normalizer.normalize(decomposed);

        assertThat(normalized.text()).isEqualTo("화웨이는");
        assertThat(normalized.toOriginal(0, 3).of(decomposed)).isEqualTo("\u1112\u116A\u110B\u1170\u110B\u1175");
        assertThat(normalized.toOriginal(3, 4).of(decomposed)).isEqualTo("는");
    }

    @Test
    void keepsLengthChangingFoldsInsideTheirOriginalRange() {
        String original = "㈜딥시크";
        NormalizedText normalized = normalizer.normalize(original);

        assertThat(normalized.text()).isEqualTo("(주)딥시크");
        assertThat(normalized.toOriginal(0, 3).of(original)).isEqualTo("㈜");
        assertThat(normalized.toOriginal(3, 6).of(original)).isEqualTo("딥시크");
    }
}
