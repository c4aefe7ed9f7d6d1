package dev.newswatch.enricher.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.ShippedConfig;

class ReportActorTest {

    private final ArticleEnricher enricher = ArticleEnricher.of(ShippedConfig.entities(), ShippedConfig.topics(),
            Clock.systemUTC());

    private Optional<String> actorOf(String title, String lead) {
        return ReportActor.of(title, lead, enricher.tag(title, lead).entities());
    }

    @Test
    void theFirstSubjectOfTheLeadActsNotACompanyNamedBeforeIt() {
        assertThat(actorOf("", "엔비디아 칩을 두고 중국 정부가 구매를 제한하기로 했다. 엔비디아는 말을 아꼈다."))
                .contains("g:china");
        assertThat(actorOf("", "미 상무부가 엔비디아 H200의 수출을 조건부로 허용했다.")).contains("g:us");
        assertThat(actorOf("", "문샷 AI(Moonshot AI)가 새 모델을 공개했다.")).contains("e:moonshot");
    }

    @Test
    void aCompanyMentionedWithoutASubjectParticleDoesNotAct() {
        assertThat(actorOf("", "젠슨 황 엔비디아 CEO가 기자회견을 했다. 세관 당국이 지시를 내렸다.")).isEmpty();
    }

    @Test
    void theHeadlineBeforeItsCommaNamesTheActorWhenTheLeadHasNoSubject() {
        assertThat(actorOf("마이크로소프트, 독일에 데이터센터 설립", "독일 데이터센터에 4조원을 들인다.")).contains("e:microsoft");
        assertThat(actorOf("美, 반도체 관세 발표", "반도체에 관세를 매긴다.")).contains("g:us");
        assertThat(actorOf("반도체 관세 발표", "반도체에 관세를 매긴다.")).isEmpty();
    }

    @Test
    void aWordThatMerelyEndsLikeACountryIsNoGovernment() {
        assertThat(actorOf("", "작업 중이다. 회의 중에는 미리 말했다.")).isEmpty();
    }
}
