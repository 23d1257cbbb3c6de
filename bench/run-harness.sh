#!/usr/bin/env bash
# Runs the load harness (docs/performance.md): the floor, NATS, Mosquitto and Cascade, side by
# side, with the same clients and payload, and prints one table. Settings are -Dharness.* system
# properties, for example:
#   bench/run-harness.sh -Dharness.n=19000 -Dharness.scenarios=fanout,sustained,stuck
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
classpath="$(bash bench/classpath.sh)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
exec "$java" -Xmx512m \
  -Dharness.cascade.classpath="$PWD/target/classes:$(cat target/cascade.classpath)" \
  "$@" -cp "$classpath" org.cascadehub.harness.LoadHarness
