# One image for the three services. Compose picks the service by its command, e.g.
#   java -jar /app/ingester/ingester.jar /app/config/newswatch.yml
# Build: docker build -t newswatch .

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

# Building the bare poms first fetches Maven, the plugins and every dependency into a layer that only a pom
# change invalidates, so editing a source file does not download the world again. Every module's pom is needed
# because the parent lists them all.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY common/pom.xml common/
COPY embedded-kafka/pom.xml embedded-kafka/
COPY ingester/pom.xml ingester/
COPY enricher/pom.xml enricher/
COPY alerts/pom.xml alerts/
COPY standalone/pom.xml standalone/
RUN ./mvnw -B -q -DskipTests -pl ingester,enricher,alerts -am package

COPY . .
RUN ./mvnw -B -DskipTests -pl ingester,enricher,alerts -am package


FROM eclipse-temurin:17-jre
WORKDIR /app

# Kafka Streams keeps its state directory under data/, relative to the working directory.
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin newswatch \
    && mkdir -p /app/data \
    && chown newswatch /app/data

# Each jar's manifest names its main class and lists lib/ as its class path.
COPY --from=build /src/ingester/target/ingester.jar /app/ingester/
COPY --from=build /src/ingester/target/lib/ /app/ingester/lib/
COPY --from=build /src/enricher/target/enricher.jar /app/enricher/
COPY --from=build /src/enricher/target/lib/ /app/enricher/lib/
COPY --from=build /src/alerts/target/alerts.jar /app/alerts/
COPY --from=build /src/alerts/target/lib/ /app/alerts/lib/
# Defaults, so the image runs on its own; compose mounts the repository's config/ over them.
COPY config/ /app/config/

USER newswatch
# Metrics and health: ingester, enricher, alerts.
EXPOSE 9401 9402 9403
