package dev.newswatch.ingester.extract;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether extracted text can be an article at all. A site in trouble still answers 200: with a notice
 * ("서비스 점검 중입니다"), or with bytes that are no page. Published, either would mark the link as done, so the real
 * article would never be read; refused, the link waits and is read again once the site recovers.
 */
public final class ArticlePlausibility {

    /** Fewer characters of text than this is a notice or an error page, not an article, even a one-line brief. */
    public static final int MIN_ARTICLE_CHARS = 25;
    /**
     * Share of the letters the three most used writing systems must hold: an article is written in one language,
     * with some Latin and perhaps Han beside it; bytes read as text scatter over dozens of scripts.
     */
    static final double MIN_MAIN_SCRIPTS_SHARE = 0.8;
    private static final int MAIN_SCRIPTS = 3;

    private ArticlePlausibility() {
    }

    /** Why {@code text} cannot be an article; empty when it may be one. */
    public static Optional<String> problem(String text) {
        int length = text.codePointCount(0, text.length());
        if (length < MIN_ARTICLE_CHARS) {
            return Optional.of("text of " + length + " characters is too short for an article (at least "
                    + MIN_ARTICLE_CHARS + "): a notice or an error page? \"" + text + "\"");
        }
        Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
        text.codePoints().filter(Character::isLetter)
                .forEach(letter -> letters.merge(UnicodeScript.of(letter), 1, Integer::sum));
        int all = letters.values().stream().mapToInt(Integer::intValue).sum();
        int main = letters.values().stream().sorted((a, b) -> b - a).limit(MAIN_SCRIPTS).mapToInt(Integer::intValue)
                .sum();
        if (all > 0 && main < all * MIN_MAIN_SCRIPTS_SHARE) {
            return Optional.of("text whose letters scatter over " + letters.size() + " writing systems, "
                    + Math.round(100.0 * main / all) + " % in the main three: not text in a language (garbage?)");
        }
        return Optional.empty();
    }
}
