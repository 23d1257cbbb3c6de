#!/usr/bin/env bash
# Acknowledgements persisted per second (docs/performance.md, "Acknowledgements"): Cascade in this
# JVM on a fresh embedded PostgreSQL, many callers acknowledging at once. Settings are -Dacks.*
# system properties and JVM options, for example:
#   bench/run-acks.sh -Dacks.threads=256 -Dacks.modes=service
#   bench/run-acks.sh -Dacks.modes=burst,http-burst -Dacks.connections=1000   # open loop, all in flight
#   bench/run-acks.sh -XX:StartFlightRecording=filename=target/acks.jfr,settings=profile
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
classpath="$(bash bench/classpath.sh)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
exec "$java" -Xms1g -Xmx2g "$@" -cp "$classpath" org.cascadehub.harness.AcknowledgementThroughput
