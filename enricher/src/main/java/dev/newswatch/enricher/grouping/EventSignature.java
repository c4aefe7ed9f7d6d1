package dev.newswatch.enricher.grouping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.Salience;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.enricher.text.NoriTokens;

/**
 * The {@link EventTerms} of an enriched article: who (the actor the lead makes its subject, the companies and chips
 * tagged), what (model names, content nouns by Nori, the topics) and how much or when (amounts, counts, days of the
 * month, the quarter whose results it reports, the year of the occasion it names), from the title and the opening
 * of the text, where a Korean news report states its development; later paragraphs tell background and are left
 * out. Terms of the title and lead, and terms the opening repeats, are prominent: long reports dilute their
 * development with background, but state it first.
 */
public final class EventSignature {

    /** How much of the body is read: news puts the development first and background after. */
    static final int OPENING_CHARS = 1_500;
    /** Most terms kept of one article, title and lead first: bounds what the index stores for it. */
    static final int MOST_TERMS = 160;
    /**
     * How much of the body is the lead: with the title, where a report states who did what (page debris, a byline
     * and the first sentence or two).
     */
    static final int LEAD_CHARS = 300;
    /** A term said this often in the opening is what the report is about, wherever it stands. */
    static final int REPEATED = 3;
    /** The prefix of the actor's term: {@code s:e:amd}, {@code s:g:china}. */
    static final String ACTOR = "s:";
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|https?://\\S+|www\\.\\S+");

    /**
     * Nouns of news writing as such, not of one development: bylines and page furniture, time words, reporting
     * verbs made nouns, the countries every article on this beat names. Every article has them, so sharing them
     * says nothing.
     */
    private static final Set<String> NEWS_NOUNS = Set.of(
            "기자", "특파원", "뉴스", "보도", "기사", "사진", "제공", "무단", "전재", "배포", "금지", "저작권", "구독",
            "댓글", "공유", "글자", "크기", "설정", "본문", "바로가기", "메뉴", "검색", "광고", "입력", "수정", "등록",
            "오전", "오후", "현지", "시간", "당시", "이날", "오늘", "내일", "어제", "올해", "지난해", "작년", "내년",
            "이번", "최근", "관계자", "업계", "업체", "기업", "회사", "시장", "정부", "국가", "세계", "글로벌", "중국",
            "미국", "한국", "국내", "해외", "전망", "예정", "계획", "발표", "설명", "강조", "주장", "평가", "분석",
            "관측", "예상", "가능", "경우", "이상", "이하", "규모", "수준", "정도", "관련", "대상", "이후", "이전", "인공", "지능",
            "당국", "소식통", "인용", "통신", "외신", "매체", "언론", "인공지능", "기술", "사업", "제품", "서비스",
            "최대", "분야", "부문", "이미지", "확대", "보기", "영상", "그래픽", "자료", "연합", "뉴시스",
            "연합뉴스", "기사원문", "원문", "공감", "언론사", "페이스북", "트위터", "카카오톡", "카카오", "링크",
            "주소", "복사", "프린트", "듣기", "닫기", "홈페이지", "캡처", "대표", "최고경영자", "회장", "부사장",
            "사장", "대통령", "장관", "교수", "연구원", "애널리스트");

    private static final Set<POS.Tag> NOUNS = Set.of(POS.Tag.NNG, POS.Tag.NNP);

    /** Names in Latin letters and digits: Qwen3, V4, HBM3E, GB200, MI325X, Hyperion. */
    private static final Pattern LATIN_NAME = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[.\\-][A-Za-z0-9]+)*"
            + "|(?<![A-Za-z0-9.])[0-9]+[A-Za-z]+[A-Za-z0-9]*");
    /** An amount: digits with 조/억/만 (and 천/백) steps, then a currency or a percent sign. */
    private static final Pattern AMOUNT = Pattern.compile("(?<![0-9.,])((?:\\d[\\d,]*(?:\\.\\d+)?\\s*[천백]?\\s*[조억만]?\\s*){1,3})"
            + "\\s*(달러|원|유로|파운드|위안|엔(?!비)|%|퍼센트)");
    private static final Pattern AMOUNT_PART = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)\\s*([천백])?\\s*([조억만])?");
    /** A count of things: 33개, 24곳, 3기, 800명. */
    private static final Pattern COUNT = Pattern.compile("(?<![0-9.,])(\\d[\\d,]*)\\s*(개|곳|명|종|기|대|단)(?![가-힣])");
    /**
     * A reporting period whose results a report gives: 2분기 실적, 3분기 콘퍼런스콜, 상반기 매출. The one before a
     * results word, so that a plan for a later quarter in the same sentence is not taken for it.
     */
    private static final Pattern PERIOD = Pattern.compile("([1-4])\\s*분기|([상하])반기");
    private static final Pattern RESULTS = Pattern.compile("\\s*(?:(?:연결\\s*)?(?:실적|결산|잠정|영업이익|매출|순이익"
            + "|순익|콘퍼런스|컨퍼런스|어닝))");
    /**
     * An occasion and its year: a name in capitals or a word for a show, then the year with nothing after it that
     * would make it a date (2025년, 2025.01).
     */
    private static final Pattern OCCASION = Pattern.compile("(?:(?<![A-Za-z])[A-Z][A-Za-z]*|서밋|포럼|컨퍼런스|콘퍼런스"
            + "|박람회|전시회|엑스포|대회|쇼|페스티벌)\\)?\\s?(20\\d\\d)(?![\\d년.\\-/])");
    /** A day of the month, as news dates its development: 15일, 13일(현지시간). */
    private static final Pattern DAY = Pattern.compile("(?<![0-9.])([1-9]|[12][0-9]|3[01])일(?![가-힣])");

    private final ThreadLocal<KoreanTokenizer> tokenizers = ThreadLocal.withInitial(() -> new KoreanTokenizer(
            TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null, KoreanTokenizer.DecompoundMode.DISCARD, false));

    /** The event terms of an article's title and text, given what the enricher tagged in them. */
    public EventTerms of(String title, String text, List<EntityTag> entities, List<TopicTag> topics) {
        String body = withoutAddresses(masked(text, entities));
        String opening = body.substring(0, Math.min(body.length(), OPENING_CHARS));
        int leadEnd = leadEnd(opening);
        List<String> lead = termsOf(withoutAddresses(masked(title, entities)) + "\n" + opening.substring(0, leadEnd));
        List<String> rest = termsOf(opening.substring(leadEnd));
        Map<String, Integer> occurrences = new HashMap<>();
        lead.forEach(term -> occurrences.merge(term, 1, Integer::sum));
        rest.forEach(term -> occurrences.merge(term, 1, Integer::sum));

        Set<String> prominent = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        String leadText = withoutAddresses(text == null ? "" : text.substring(0, leadEnd(text)));
        ReportActor.of(title, leadText, entities).ifPresent(actor -> prominent.add(ACTOR + actor));
        String titleAndLead = (title == null ? "" : title) + "\n" + leadText;
        prominent.addAll(periods(titleAndLead));
        prominent.addAll(occasions(titleAndLead));
        for (EntityTag entity : entities) {
            String term = (entity.kind() == EntityKind.COMPANY ? "e:" : "c:") + entity.id();
            (entity.salience() == Salience.ABOUT ? prominent : other).add(term);
        }
        prominent.addAll(lead);
        rest.stream().filter(term -> occurrences.get(term) >= REPEATED).forEach(prominent::add);
        topics.forEach(topic -> other.add("t:" + topic.id()));
        rest.forEach(other::add);
        other.removeAll(prominent);
        List<String> kept = prominent.stream().limit(MOST_TERMS).toList();
        return new EventTerms(Stream.concat(kept.stream(), other.stream().limit(MOST_TERMS - kept.size())).toList(),
                kept.size());
    }

    /**
     * The years of the occasions a text names (MWC 2025, SK AI 서밋 2024): {@code o:2025}. A plan restated at
     * this year's show is another development than the same plan told at last year's.
     */
    static List<String> occasions(String text) {
        List<String> years = new ArrayList<>();
        Matcher occasion = OCCASION.matcher(text);
        while (occasion.find()) {
            years.add("o:" + occasion.group(1));
        }
        return years;
    }

    /** The reporting periods a text gives results of: {@code p:2q}, {@code p:1h}. */
    static List<String> periods(String text) {
        List<String> periods = new ArrayList<>();
        Matcher period = PERIOD.matcher(text);
        while (period.find()) {
            if (RESULTS.matcher(text).region(period.end(), text.length()).lookingAt()) {
                periods.add("p:" + (period.group(1) != null ? period.group(1) + "q"
                        : period.group(2).equals("상") ? "1h" : "2h"));
            }
        }
        return periods;
    }

    /** Where the lead ends: at the last space within {@link #LEAD_CHARS}, so that no word is cut in two. */
    static int leadEnd(String opening) {
        if (opening.length() <= LEAD_CHARS) {
            return opening.length();
        }
        int space = opening.lastIndexOf(' ', LEAD_CHARS);
        return space > 0 ? space : LEAD_CHARS;
    }

    /** The text without e-mail addresses and links, which name outlets and reporters, not developments. */
    private static String withoutAddresses(String text) {
        return ADDRESS.matcher(text).replaceAll(" ");
    }

    /** The terms of a text in the order they stand, once for each time they stand there. */
    private List<String> termsOf(String text) {
        List<String> terms = new ArrayList<>();
        Matcher name = LATIN_NAME.matcher(text);
        while (name.find()) {
            String found = name.group().toLowerCase(Locale.ROOT);
            if (found.length() >= 3 || found.length() == 2 && found.chars().anyMatch(Character::isDigit)) {
                terms.add("m:" + found);
            }
        }
        Matcher amount = AMOUNT.matcher(text);
        while (amount.find()) {
            String value = amountOf(amount.group(1));
            if (value != null) {
                terms.add("a:" + currency(amount.group(2)) + ":" + value);
            }
        }
        Matcher count = COUNT.matcher(text);
        while (count.find()) {
            terms.add("a:" + count.group(1).replace(",", "") + count.group(2));
        }
        Matcher day = DAY.matcher(text);
        while (day.find()) {
            terms.add("d:" + day.group(1));
        }
        terms.addAll(nouns(text));
        return terms;
    }

    private List<String> nouns(String text) {
        KoreanTokenizer tokenizer = tokenizers.get();
        CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
        PartOfSpeechAttribute pos = tokenizer.getAttribute(PartOfSpeechAttribute.class);
        List<String> nouns = new ArrayList<>();
        NoriTokens.scan(tokenizer, text, () -> {
            String word = term.toString();
            if (word.length() >= 2 && NOUNS.contains(pos.getLeftPOS()) && !NEWS_NOUNS.contains(word)) {
                nouns.add("n:" + word);
            }
        });
        return nouns;
    }

    /**
     * The value of 4조7000억, 49억, 6조5천억, 1.3 or 25, floored to two significant digits so that 6조5523억 and
     * 6조5천억 agree; {@code null} for what is not a number.
     */
    static String amountOf(String digits) {
        Matcher part = AMOUNT_PART.matcher(digits);
        double value = 0;
        while (part.find()) {
            double number;
            try {
                number = Double.parseDouble(part.group(1).replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
            if (part.group(2) != null) {
                number *= part.group(2).equals("천") ? 1_000 : 100;
            }
            if (part.group(3) != null) {
                number *= switch (part.group(3)) {
                    case "조" -> 1e12;
                    case "억" -> 1e8;
                    default -> 1e4;
                };
            }
            value += number;
        }
        if (value <= 0) {
            return null;
        }
        int exponent = (int) Math.floor(Math.log10(value));
        long mantissa = (long) Math.floor(value / Math.pow(10, exponent - 1) + 1e-9);
        return mantissa + "e" + (exponent - 1);
    }

    private static String currency(String unit) {
        return switch (unit) {
            case "달러" -> "usd";
            case "원" -> "krw";
            case "유로" -> "eur";
            case "파운드" -> "gbp";
            case "위안" -> "cny";
            case "엔" -> "jpy";
            default -> "pct";
        };
    }

    /**
     * The field with every tagged entity's names blanked, so a name is compared as its entity and not as the words
     * Nori would cut it into. The names are the texts the evidence matched, blanked wherever they stand, as the
     * evidence of a long article covers only its first mentions.
     */
    private static String masked(String field, List<EntityTag> entities) {
        if (field == null) {
            return "";
        }
        String masked = field;
        for (String name : entities.stream().flatMap(entity -> entity.evidence().stream())
                .map(Evidence::matched).filter(name -> !name.isBlank()).distinct().toList()) {
            masked = masked.replace(name, " ".repeat(name.length()));
        }
        return masked;
    }
}
