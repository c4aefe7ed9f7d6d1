package dev.newswatch.enricher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.events.RawArticle;

/**
 * Cuts an over-long title or text before tagging, so the time tagging takes and the size of the enriched record
 * stay bounded whatever a source sends (a 10 MB page of scraped boilerplate is tagged on its first part, not
 * allowed to stall the partition or to produce a record the broker refuses), and tells of each article it cut.
 *
 * <p>It also ends runs of more than {@value #SENTENCE_CHARS} characters without a line break or sentence end
 * at their next space (a space becomes a line break, so offsets stay as they were): evidence quotes the sentence
 * around each mention, and a page that lost its punctuation would otherwise quote all of itself once per
 * mention.
 */
final class ArticleTextLimit {

    /** Far beyond any headline; a longer "title" is a page that lost its structure. */
    static final int TITLE_CHARS = 1_000;
    /** Far beyond any real sentence. */
    static final int SENTENCE_CHARS = 1_000;
    private static final String SENTENCE_ENDS = "\n.!?。！？";

    private static final Logger log = LoggerFactory.getLogger(ArticleTextLimit.class);

    private final int textChars;
    private final Runnable onCut;

    /** @param onCut told of every article whose title or text was cut, e.g. to count it */
    public ArticleTextLimit(int textChars, Runnable onCut) {
        this.textChars = textChars;
        this.onCut = onCut;
    }

    public RawArticle apply(RawArticle article) {
        if (article.title().length() > TITLE_CHARS || article.text().length() > textChars) {
            log.warn("Article {} from {}: title of {} and text of {} characters cut to {} and {} before tagging",
                    article.id(), article.sourceId(), article.title().length(), article.text().length(),
                    TITLE_CHARS, textChars);
            onCut.run();
        }
        String title = cut(article.title(), TITLE_CHARS);
        String text = withBoundedSentences(cut(article.text(), textChars));
        return title.equals(article.title()) && text.equals(article.text()) ? article
                : withTitleAndText(article, title, text);
    }

    private static RawArticle withTitleAndText(RawArticle article, String title, String text) {
        return new RawArticle(article.schemaVersion(), article.id(), article.sourceId(), article.outlet(),
                article.url(), title, article.publishedAt(), article.updatedAt(), article.fetchedAt(),
                article.language(), article.author(), article.section(), text, article.fingerprint());
    }

    private static String withBoundedSentences(String text) {
        char[] chars = null;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SENTENCE_ENDS.indexOf(c) >= 0) {
                run = 0;
            } else if (++run > SENTENCE_CHARS && c == ' ') {
                chars = chars == null ? text.toCharArray() : chars;
                chars[i] = '\n';
                run = 0;
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        // Never split a surrogate pair: half an emoji would be an unpaired surrogate in the JSON.
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end);
    }
}
