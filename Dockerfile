# The image of the three services, built from the jars `./mvnw -B -DskipTests package` made: the build copies
# them and downloads nothing. docker-compose.yml runs one container per service, picked by its command:
#   java -jar /app/ingester.jar /app/config/newswatch.yml      (also enricher.jar, alerts.jar)
# JRE_IMAGE is any Java 17 runtime that has useradd. Where no registry is reachable, .ci/containers builds one
# (localhost/newswatch/jre:17, Debian's OpenJDK) and docker-compose.yml passes it in.
ARG JRE_IMAGE=eclipse-temurin:17-jre
FROM ${JRE_IMAGE}

# Kafka Streams keeps its state under data/, relative to the working directory.
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin newswatch \
    && mkdir -p /app/data \
    && chown newswatch /app/data
WORKDIR /app

# Each jar's manifest names its main class and its runtime jars as lib/NAME, so the three share one lib/.
COPY ingester/target/lib/ enricher/target/lib/ alerts/target/lib/ /app/lib/
COPY ingester/target/ingester.jar enricher/target/enricher.jar alerts/target/alerts.jar /app/
# Defaults, so the image runs on its own; compose mounts a config directory over them.
COPY config/ /app/config/

USER newswatch
# Metrics and health: ingester, enricher, alerts.
EXPOSE 9401 9402 9403
# A slim JRE has no curl: the probe is a class of the services' own (exit 0 when the URL answers 200). Compose
# sets NEWSWATCH_HEALTH_URL to each service's /health.
ENV NEWSWATCH_HEALTH_URL=http://127.0.0.1:9401/health
HEALTHCHECK --interval=15s --timeout=10s --start-period=60s --retries=4 \
    CMD java -Xmx16m -XX:TieredStopAtLevel=1 -cp '/app/lib/*' dev.newswatch.common.metrics.HealthProbe "$NEWSWATCH_HEALTH_URL"
