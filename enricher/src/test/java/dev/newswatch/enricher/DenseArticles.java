package dev.newswatch.enricher;

import java.util.List;

import dev.newswatch.common.events.RawArticle;
import dev.newswatch.enricher.grouping.StoryFixtures;

/**
 * Generates long Korean articles, written for these tests, in which nearly every sentence names several entities
 * of the shipped dictionary: the worst case for the size of the evidence an enriched record carries.
 */
final class DenseArticles {

    private static final List<String> NAMES = List.of("화웨이", "엔비디아", "캠브리콘", "바이두", "알리바바", "텐센트",
            "SMIC", "딥시크", "무어스레드", "비런", "메타엑스", "인텔", "AMD", "TSMC", "삼성전자", "SK하이닉스");
    private static final List<String> CLAIMS = List.of(
            "%s와 %s는 %d분기 AI 가속기 공급을 두고 %s, %s와 경쟁하고 있다.",
            "업계는 %s가 %s보다 먼저 %d나노 공정 칩을 내놓고 %s와 %s의 점유율을 빼앗을 것으로 본다.",
            "%s 관계자는 %s와의 협력이 %d건으로 늘었고 %s, %s도 협의 중이라고 말했다.");

    private DenseArticles() {
    }

    /** An article of at least {@code chars} characters of text, paragraphs of five sentences. */
    static RawArticle article(String id, int chars) {
        StringBuilder text = new StringBuilder(chars + 200);
        for (int sentence = 0; text.length() < chars; sentence++) {
            String claim = CLAIMS.get(sentence % CLAIMS.size());
            text.append(claim.formatted(name(sentence), name(sentence + 3), sentence % 97 + 2, name(sentence + 7),
                    name(sentence + 11)));
            text.append(sentence % 5 == 4 ? "\n\n" : " ");
        }
        return StoryFixtures.article(id, "dense", "데모뉴스", "화웨이·엔비디아·캠브리콘, AI 칩 삼파전", text.toString());
    }

    private static String name(int index) {
        return NAMES.get(index % NAMES.size());
    }
}
