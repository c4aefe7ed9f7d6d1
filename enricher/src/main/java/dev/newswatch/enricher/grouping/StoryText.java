package dev.newswatch.enricher.grouping;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The part of an article that tells its story, as one run of letters and digits: title and text without what
 * differs between copies of one wire report (datelines and bylines, reporters' e-mail addresses, photo credits,
 * the (끝) and /연합뉴스 sentinels, copyright lines, a portal's "입력/수정/기사제공" header lines), NFKC-folded
 * and lower-cased, with white space and punctuation dropped so that re-spacing and re-punctuating change
 * nothing.
 */
final class StoryText {

    /** Longest line still taken for a portal header or a copyright notice rather than for story text. */
    private static final int NOTICE_LINE = 240;
    /** Copyright and reuse notices: a short line with one of these is dropped whole. */
    private static final List<String> NOTICES = List.of("저작권자", "무단 전재", "무단전재", "재배포 금지", "재배포금지",
            "copyright", "ⓒ", "©");
    /** Portal and outlet header lines: 입력 2026.11.22 07:00, 수정 ..., 기사제공 ..., 원문 보기 ... */
    private static final Pattern HEADER_LINE = Pattern.compile(
            "\\s*(\\[[^\\]]{1,20}]\\s*)?((입력|수정|승인|송고|업데이트)\\s*:?\\s*\\d|기사\\s*제공|기사\\s*원문|원문\\s*보기"
                    + "|출처\\s*[:=]).*");

    /** What a byline names after the reporter: 홍길동 기자, 박서준 특파원, 김하늘 선임기자. */
    private static final List<String> ROLES = List.of("기자", "특파원", "통신원", "논설위원");
    /** First characters of the roles: the scan for bylines looks closer only at these. */
    private static final String ROLE_INITIALS = ROLES.stream().map(role -> role.substring(0, 1))
            .collect(Collectors.joining());
    private static final List<String> RANKS = List.of("선임", "수석", "객원");
    private static final int LONGEST_NAMES = 12;

    /**
     * Bracketed or slashed boilerplate inside lines, each alternative starting with one of {@link #OPENERS}: it
     * is tried only where such a character stands, since a pattern the engine had to try from every character
     * would cost more than all the tagging of the article.
     */
    private static final Pattern MARKS = Pattern.compile(String.join("|",
            // Datelines: (서울=연합뉴스), [베이징=뉴시스], 【도쿄=뉴스1】
            "[(\\[【〔]\\s*[가-힣A-Za-z·\\s]{1,20}=\\s*[^)\\]】〕\\n]{1,20}[)\\]】〕]",
            // Photo and graphic credits: [사진=연합뉴스], (그래픽=홍길동 기자), /연합뉴스 at a caption's end
            "[(\\[]\\s*(사진|그래픽|자료|이미지|영상|제공)\\s*[=:]?[^)\\]\\n]{0,40}[)\\]]",
            "/\\s*(연합뉴스|뉴시스|뉴스1|연합뉴스tv|yonhap|newsis)",
            // Edition marks in headlines: [속보], [종합], (종합2보), [단독]
            "[\\[(](속보|종합|단독|\\d보|종합\\d보|업데이트)[\\])]",
            // End-of-story sentinels
            "[(<〈/]\\s*끝\\s*[)>〉/]"), Pattern.CASE_INSENSITIVE);
    private static final String OPENERS = "([【〔/<〈";

    /** The story text of {@code title} and {@code text}; empty when there is none. */
    public String of(String title, String text) {
        String stripped = strip(title) + "\n" + strip(text);
        String folded = Normalizer.normalize(stripped, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder letters = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(letters::appendCodePoint);
        return letters.toString();
    }

    private static String strip(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (!isNotice(line)) {
                kept.append(line).append('\n');
            }
        }
        return withoutMarks(withoutAddresses(withoutBylines(kept.toString())));
    }

    private static String withoutMarks(String text) {
        Matcher mark = MARKS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            if (OPENERS.indexOf(text.charAt(i)) >= 0 && mark.region(i, text.length()).lookingAt()) {
                out.append(text, copied, i).append(' ');
                copied = mark.end();
                i = copied - 1;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The text without e-mail addresses: a run of address characters on both sides of an '@', with a dot after. */
    private static String withoutAddresses(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > copied && isAddressChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && isAddressChar(text.charAt(end))) {
                end++;
            }
            if (start < at && text.substring(at + 1, end).indexOf('.') > 0) {
                out.append(text, copied, start).append(' ');
                copied = end;
                at = end - 1;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean isAddressChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "._+-".indexOf(c) >= 0);
    }

    /**
     * The text without bylines: one to twelve Hangul syllables (names, 김하늘·이바다), an optional rank, a role and
     * an optional '=', where the role is not the start of a longer word (기자회견). Scanned from each role
     * rather than matched by a pattern, which would have to be tried from the start of every Hangul word.
     */
    private static String withoutBylines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            int roleEnd = roleEndAt(text, i);
            if (roleEnd < 0 || roleEnd < text.length() && isHangul(text.charAt(roleEnd))) {
                continue;
            }
            int nameEnd = skipBack(text, i, copied);
            for (String rank : RANKS) {
                if (nameEnd - rank.length() >= copied && text.startsWith(rank, nameEnd - rank.length())) {
                    nameEnd = skipBack(text, nameEnd - rank.length(), copied);
                    break;
                }
            }
            int nameStart = nameEnd;
            while (nameStart > copied && nameEnd - nameStart < LONGEST_NAMES
                    && (isHangul(text.charAt(nameStart - 1)) || text.charAt(nameStart - 1) == '·')) {
                nameStart--;
            }
            if (nameEnd - nameStart < 2) {
                continue;
            }
            int end = roleEnd;
            while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '=')) {
                end++;
            }
            out.append(text, copied, nameStart).append(' ');
            copied = end;
            i = end - 1;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static int roleEndAt(String text, int at) {
        if (ROLE_INITIALS.indexOf(text.charAt(at)) < 0) {
            return -1;
        }
        for (String role : ROLES) {
            if (text.startsWith(role, at)) {
                return at + role.length();
            }
        }
        return -1;
    }

    private static int skipBack(String text, int from, int floor) {
        int at = from;
        while (at > floor && text.charAt(at - 1) == ' ') {
            at--;
        }
        return at;
    }

    private static boolean isHangul(char c) {
        return c >= '가' && c <= '힣';
    }

    private static boolean isNotice(String line) {
        if (line.length() > NOTICE_LINE) {
            return false;
        }
        String folded = line.toLowerCase(Locale.ROOT);
        return NOTICES.stream().anyMatch(folded::contains) || HEADER_LINE.matcher(line).matches();
    }
}
