#!/usr/bin/env bash
# Runs the JMH benchmarks in src/harness/java (docs/performance.md). Arguments go to JMH, for
# example: bench/run-jmh.sh RecipientMatching -f 1 -wi 2 -i 3
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
classpath="$(bash bench/classpath.sh)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
exec "$java" -cp "$classpath" org.openjdk.jmh.Main "${@:-RecipientMatching}"
