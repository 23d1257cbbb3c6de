#!/usr/bin/env bash
# Compiles the main and harness code and prints the test classpath (classes, test classes, every
# dependency) for the benchmark and harness scripts; writes Cascade's own runtime classpath to
# target/cascade.classpath. Run by them; needs a JDK 21+ in JAVA_HOME.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
./mvnw -q -B test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/harness.classpath -Dmdep.includeScope=test >&2
# Cascade itself runs on its runtime classpath: fewer jars held open next to 19,000 streams.
./mvnw -q -B -o dependency:build-classpath \
  -Dmdep.outputFile=target/cascade.classpath -Dmdep.includeScope=runtime >&2
echo "$PWD/target/test-classes:$PWD/target/classes:$(cat target/harness.classpath)"
