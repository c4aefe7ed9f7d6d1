package dev.newswatch.common.events;

/**
 * Why a tag was given: the text that matched and the sentence it stands in.
 *
 * @param field    which part of the article matched
 * @param matched  the matched text as it appears in the article
 * @param start    offset of the match in that field, in UTF-16 chars
 * @param end      offset just past the match
 * @param sentence the whole sentence around the match
 */
public record Evidence(ArticleField field, String matched, int start, int end, String sentence) {
}
