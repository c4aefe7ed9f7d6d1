package dev.newswatch.enricher.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> sentences(String text) {
        return splitter.split(text).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void splitsKoreanSentencesAtFullStopsAndLineBreaks() {
        String text = "화웨이가 새 칩을 공개했다. 업계는 주목한다!\n\n엔비디아는 답하지 않았다";

        assertThat(sentences(text)).containsExactly("화웨이가 새 칩을 공개했다.", "업계는 주목한다!",
                "엔비디아는 답하지 않았다");
    }

    @Test
    void endsAKoreanSentenceEvenWithoutASpaceAfterTheFullStop() {
        assertThat(sentences("양산을 시작했다.이어 출하도 늘린다.")).containsExactly("양산을 시작했다.", "이어 출하도 늘린다.");
    }

    @Test
    void keepsDecimalsInitialsAndClosingQuotesInTheirSentence() {
        String text = "\"점유율이 3.5%로 늘었다.\" U.S. 상무부는 말했다. 끝";

        assertThat(sentences(text)).containsExactly("\"점유율이 3.5%로 늘었다.\"", "U.S. 상무부는 말했다.", "끝");
    }

    @Test
    void reportsSpansInTheOriginalText() {
        String text = "  첫 문장이다.   둘째 문장이다.  ";

        assertThat(splitter.split(text)).containsExactly(new TextSpan(2, 9), new TextSpan(12, 20));
    }

    @Test
    void findsTheSentenceAroundAnOffset() {
        String text = "하나다. 둘이다.";
        List<TextSpan> spans = splitter.split(text);

        assertThat(SentenceSplitter.sentenceAt(spans, text.indexOf('둘'), text).of(text)).isEqualTo("둘이다.");
    }
}
