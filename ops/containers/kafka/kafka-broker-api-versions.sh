#!/bin/bash
# Lists the API versions a broker supports: exits 0 only when it answers (docker-compose.yml's health check).
exec java -Xmx128m -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
    -cp '/opt/kafka/libs/*' org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
