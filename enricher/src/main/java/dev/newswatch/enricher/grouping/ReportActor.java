package dev.newswatch.enricher.grouping;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.newswatch.common.events.EntityKind;
import dev.newswatch.common.events.EntityTag;

/**
 * Who acts in a report: the first company or government that the lead makes the subject of a sentence (the name
 * followed by 이, 가, 은 or 는), else the one a headline sets before its comma ({@code MS, 독일에 ...}). Two outlets
 * reporting one development name the same actor first; the same chip in a US licence and in a Chinese purchase
 * ban is two developments, told with two actors.
 */
final class ReportActor {

    /** A subject particle after a name, a parenthesised original spelling allowed between: 문샷 AI(Moonshot AI)가. */
    /** The offices that act for a government. */
    private static final String OFFICE = "(?:정부|행정부|대통령|상무부|재무부|국무부|외교부|당국|세관|산업안보국|관세청|의회)";
    private static final String SUBJECT = "(?:\\([^)]{1,40}\\))?(?:이|가|은|는)(?![가-힣])";
    /**
     * Governments as Korean news names them, alone or with the office that acts for them (미 상무부가, 중국 세관
     * 당국이). Leaders stand for their government.
     */
    private static final Map<String, Pattern> GOVERNMENTS = Map.of(
            "us", government("미국|美|트럼프|바이든|백악관|미(?=\\s*" + OFFICE + ")"),
            "china", government("중국|中|시진핑|중(?=\\s*" + OFFICE + ")"),
            "korea", government("한국|韓"),
            "japan", government("일본|日"),
            "taiwan", government("대만"),
            "eu", government("유럽연합|EU"));
    private static final Pattern HEADLINE_ACTOR = Pattern.compile("^\\s*([^,\\s][^,]{0,15}?)\\s*,");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    private ReportActor() {
    }

    private static Pattern government(String names) {
        return Pattern.compile("(?<![가-힣A-Za-z])(?:" + names + ")(?:\\s*" + OFFICE + ")*" + SUBJECT);
    }

    /**
     * The actor of a report, {@code e:<entity id>} or {@code g:<government>}, from its title and lead; empty when
     * neither names one.
     */
    static Optional<String> of(String title, String lead, List<EntityTag> entities) {
        Optional<String> subject = firstSubject(lead, entities);
        return subject.isPresent() ? subject : headlineActor(title, entities);
    }

    private static Optional<String> firstSubject(String text, List<EntityTag> entities) {
        record Found(int at, String actor) {
        }
        Stream<Found> companies = entities.stream().filter(entity -> entity.kind() == EntityKind.COMPANY)
                .flatMap(entity -> namesOf(entity).map(name -> {
                    Matcher found = Pattern.compile(boundary(name) + Pattern.quote(name) + SUBJECT).matcher(text);
                    return found.find() ? new Found(found.start(), "e:" + entity.id()) : null;
                }))
                .filter(found -> found != null);
        Stream<Found> governments = GOVERNMENTS.entrySet().stream().map(government -> {
            Matcher found = government.getValue().matcher(text);
            return found.find() ? new Found(found.start(), "g:" + government.getKey()) : null;
        }).filter(found -> found != null);
        return Stream.concat(companies, governments).min(Comparator.comparingInt(Found::at)).map(Found::actor);
    }

    private static Optional<String> headlineActor(String title, List<EntityTag> entities) {
        Matcher headline = HEADLINE_ACTOR.matcher(title == null ? "" : title);
        if (!headline.find()) {
            return Optional.empty();
        }
        String named = headline.group(1).strip();
        Optional<String> company = entities.stream().filter(entity -> entity.kind() == EntityKind.COMPANY)
                .filter(entity -> namesOf(entity).anyMatch(named::equals)).map(entity -> "e:" + entity.id())
                .findFirst();
        if (company.isPresent()) {
            return company;
        }
        return GOVERNMENTS.entrySet().stream().filter(government -> government.getValue().matcher(named + "가")
                .matches()).map(government -> "g:" + government.getKey()).findFirst();
    }

    /** The names the article gave the entity, as the tagger matched them. */
    private static Stream<String> namesOf(EntityTag entity) {
        return entity.evidence().stream().map(evidence -> evidence.matched().strip()).filter(name -> !name.isEmpty())
                .distinct();
    }

    /** A Latin name must not be the tail of a longer word; a Korean one may follow anything but a Korean letter. */
    private static String boundary(String name) {
        return LATIN.matcher(name.substring(0, 1)).matches() ? "(?<![A-Za-z0-9])" : "(?<![가-힣])";
    }
}
