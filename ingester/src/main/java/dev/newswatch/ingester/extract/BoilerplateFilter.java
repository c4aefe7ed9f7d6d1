package dev.newswatch.ingester.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drops the lines of a body container that are not article text: copyright and 'do not redistribute' footers,
 * share and print widgets, photo captions, reporter sign-offs, section headings of related-article boxes, the
 * repeated headline and byline, the wire's {@code (끝)}, and every line already seen (a body printed twice is kept
 * once).
 */
final class BoilerplateFilter {

    /** Footer lines are short; a long paragraph that mentions copyright is an article about copyright. */
    private static final int FOOTER_MAX = 200;
    private static final int CAPTION_MAX = 150;
    private static final int SIGN_OFF_MAX = 60;
    private static final int CREDIT_MAX = 100;
    private static final int ECHO_MIN = 15;
    private static final int ECHO_CHECK_MAX_LINES = 400;
    private static final Pattern ELLIPSIS = Pattern.compile("\\s*(?:…|\\.\\.\\.)\\s*$");

    /** Footer wording; deliberately not bare "copyright" or "AI 학습", which articles about them use. */
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)copyright\\s*(?:ⓒ|©|\\(c\\)|\\d{4})|ⓒ|©|\\(c\\)"
            + "|저작권자|무단\\s*전재|재배포\\s*금지|재배포\\s*불가|AI\\s*학습[^.]{0,12}금지|all rights reserved|기사문의"
            + "|제보\\s*[:：]|카톡\\s*/\\s*라인"
            + "|unauthori[sz]ed (?:reproduction|redistribution)|제보를\\s*기다립니다|본지의\\s*편집\\s*방향");
    /** Words of share, print and font-size widgets; a line made of nothing else is a widget. */
    private static final Pattern WIDGET_WORDS = Pattern.compile("(?i)글자\\s*(?:작게|크게)|글씨\\s*(?:작게|크게)"
            + "|인쇄하기|인쇄|프린트|페이스북|트위터|카카오톡|카카오스토리|카카오|네이버\\s*블로그|밴드|링크\\s*복사|URL\\s*복사"
            + "|주소\\s*복사|공유하기|공유|스크랩|이메일|메일\\s*보내기|닫기|더보기|구독|좋아요|추천|기사\\s*저장|북마크|SNS"
            + "|facebook|twitter|kakao|linkedin|email|print|share|copy link|[xX]\\b|[+\\-−]?\\s*가\\s*[+\\-−]?"
            + "|[•·|/\\-–—▶►]");
    private static final Pattern CAPTION = Pattern.compile("^(?:[▲△]|\\[?\\(?(?:사진|그래픽|이미지|자료|출처"
            + "|영상|그림|표|사진출처|사진 출처)\\s*[=:：]).*|.*(?:[(\\[]\\s*(?:사진|그래픽|이미지|자료|영상)\\s*[=:：][^)\\]]*[)\\]])"
            + "\\s*$|.*[(\\[]\\s*(?:사진|그래픽|이미지)\\s*[=:：].*|.*이미지\\s*확대보기.*|^(?:Photo|Image|Credit|Getty Images|AP Photo|Reuters)\\b.*");
    private static final Pattern SIGN_OFF = Pattern.compile("^[\\[(]?\\s*(?:[가-힣A-Za-z]+\\s+)?[가-힣]{2,4}\\s*"
            + "(?:기자|특파원|선임기자|객원기자|인턴기자|논설위원|전문기자|통신원)\\s*[\\])]?\\s*"
            + "(?:[\\w.+\\-]+@[\\w.\\-]+)?\\s*$|^[\\w.+\\-]+@[\\w.\\-]+\\s*$|^(?:By|BY)\\s+[A-Z][\\w.'\\-]*(?:\\s+[A-Z]"
            + "[\\w.'\\-]*){0,3}\\s*$");
    private static final Set<String> HEADINGS = Set.of("관련기사", "관련 기사", "관련뉴스", "관련 뉴스", "많이 본 뉴스",
            "많이 본 기사", "주요뉴스", "주요 뉴스", "추천기사", "추천 기사", "인기기사", "인기 기사", "최신기사", "최신 기사",
            "포토뉴스", "함께 보면 좋은 기사", "이 시각 주요뉴스", "댓글", "광고", "advertisement", "related articles",
            "related stories", "read more", "more stories", "most read", "most popular", "recommended",
            "share this article", "comments", "(끝)");
    /**
     * A credit or a label heading what follows the article, alone on its line or before a colon: "Quelle: dpa",
     * "Photo: …", "Contact:", "Lesen Sie auch". Without the colon a line that goes on ("Weitere Informationen
     * rund um …") is text.
     */
    private static final Pattern CREDIT_OR_LABEL = Pattern.compile("(?i)^(?:quellen?|quellenangaben?|sources?"
            + "|credits?|crédits?(?: photos?)?|fotos?|photos?|bild(?:er|quelle)?|titelbild|beitragsbild|abbildung"
            + "|images?|kontakt|contact|weitere informationen|more information|mehr zum thema|lesen sie auch"
            + "|auch interessant|weiterlesen|zum weiterlesen|à lire aussi|lire aussi|read also|explore further"
            + "|leer también|lea también)\\s*(?:[:：].*)?$");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?:기사입력|입력|수정|등록|승인|업데이트|송고)\\s*(?:일시|시간)?\\s*[:：]?\\s*(?:19|20)\\d{2}");
    /** Byline and date lines are not sentences; a line that ends like one ("...했다.") is text. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?:다|요|까)[.!?]?[\"'”’)]*$");
    /** A reporter's sign-off glued to the last paragraph: "...말했다. /김민서 기자 kms@example.kr", "/연합뉴스". */
    private static final Pattern TRAILING_SIGN_OFF = Pattern.compile("(?<=[.!?\"”’)])\\s*(?:/\\s*)?(?:[가-힣]{2,4}\\s*"
            + "(?:기자|특파원)\\s*[\\w.+\\-]+@[\\w.\\-]+|/\\s*[가-힣]{2,8}(?:뉴스|통신|일보))\\s*$");
    private static final Pattern WIRE_END = Pattern.compile("\\s*\\(끝\\)\\s*$");

    List<String> paragraphs(List<String> lines, String title) {
        String normalizedTitle = normalized(title);
        Set<String> seen = new HashSet<>();
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String text = TRAILING_SIGN_OFF.matcher(WIRE_END.matcher(line).replaceFirst("")).replaceFirst("").strip();
            String key = normalized(text);
            if (text.isEmpty() || key.equals(normalizedTitle) || !seen.add(key) || boilerplate(text)) {
                continue;
            }
            kept.add(text);
        }
        return withoutEchoes(kept);
    }

    /**
     * Drops a line that another line contains in full: a summary box or teaser that repeats a sentence of the
     * body. Quadratic, so long pages (which are lists, not articles) skip it.
     */
    private static List<String> withoutEchoes(List<String> lines) {
        if (lines.size() > ECHO_CHECK_MAX_LINES) {
            return lines;
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String core = stripEllipsis(line);
            boolean echo = line.length() >= ECHO_MIN && lines.stream()
                    .anyMatch(other -> other.length() > line.length() && other.contains(core));
            if (!echo) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static String stripEllipsis(String line) {
        return ELLIPSIS.matcher(line).replaceFirst("");
    }

    private static boolean boilerplate(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return HEADINGS.contains(lower)
                || line.length() <= FOOTER_MAX && WIDGET_WORDS.matcher(line).replaceAll("").isBlank()
                || line.length() <= FOOTER_MAX && COPYRIGHT.matcher(line).find()
                || line.length() <= CAPTION_MAX && CAPTION.matcher(line).matches()
                || line.length() <= CREDIT_MAX && CREDIT_OR_LABEL.matcher(line).matches()
                || line.length() <= SIGN_OFF_MAX && SIGN_OFF.matcher(line).matches()
                || line.length() <= FOOTER_MAX && DATE_LINE.matcher(line).find() && !SENTENCE_END.matcher(line).find();
    }

    private static String normalized(String text) {
        return text == null ? "" : TextBlocks.collapse(text).toLowerCase(Locale.ROOT);
    }
}
