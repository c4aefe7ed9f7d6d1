package dev.newswatch.enricher.text;

import java.util.List;

/**
 * The particles and short suffixes that may follow a Korean name inside one written word (화웨이는, 엔비디아의,
 * 알리바바클라우드, 화웨이측은), so that a name is told from the start of a longer word (메타버스). Anything that is
 * not Hangul (화웨이社, 엔비디아(NVIDIA)) already ends the word and needs no entry here.
 */
final class KoreanSuffixes {

    private static final List<String> SUFFIXES = List.of(
            // case and topic particles
            "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "께", "께서", "한테", "와", "과", "랑", "이랑",
            "도", "로", "으로", "만", "까지", "부터", "보다", "처럼", "마다", "조차", "마저", "뿐", "밖에", "나", "이나",
            "든", "이든", "야", "이야",
            // copula and quotation forms after a name
            "다", "이다", "였다", "이었다", "며", "이며", "고", "이고", "인", "라는", "이라는", "란", "이란", "라고", "이라고",
            // nouns that commonly fuse with a company or chip name
            "측", "칩", "사", "그룹", "클라우드", "산하", "계열", "계열사", "진영", "등", "들", "향", "용", "제품",
            "반도체", "주도", "주가", "발");

    /** Parts one word may stack after a name, e.g. 측 + 에서 + 는. */
    private static final int MAX_PARTS = 3;

    private KoreanSuffixes() {
    }

    /** Whether {@code rest}, the Hangul that follows a name in the same word, is only particles and suffixes. */
    static boolean allowed(String rest) {
        return composed(rest, 0, MAX_PARTS);
    }

    private static boolean composed(String rest, int from, int partsLeft) {
        if (from == rest.length()) {
            return true;
        }
        if (partsLeft == 0) {
            return false;
        }
        for (String suffix : SUFFIXES) {
            if (rest.startsWith(suffix, from) && composed(rest, from + suffix.length(), partsLeft - 1)) {
                return true;
            }
        }
        return false;
    }
}
