#!/usr/bin/env bash
# Measures each service's JVM start time (Quarkus' own "started in" figure and wall time to /q/health/ready) and its
# idle RSS after IDLE_SECONDS, one service at a time, against infrastructure that is already running:
#   ./deploy/local/run.sh --infra-only &   # PostgreSQL 15432, Kafka 9092, Keycloak 8180
#   ./deploy/bench/service-startup.sh
# Prints a Markdown table for docs/performance.md. Uses the packaged uber-jars (./mvnw -DskipTests package first).
# Like the local launcher, each service first runs once to train its class-data-sharing archive (AppCDS: the classes
# it loaded, dumped at exit), then is measured with that archive; CDS=off measures plain starts instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
IDLE_SECONDS=${IDLE_SECONDS:-30}
# The same JVM options the local launcher gives its services (draw-service keeps C2: docs/operations.md).
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}
RUNS=${RUNS:-3}
CDS=${CDS:-on}
port=18090
cds_dir=$(mktemp -d)
trap 'rm -rf "$cds_dir"' EXIT

# start_service <svc> <extra JVM options>: starts it in the background, sets $pid and $log
start_service() {
  log=$(mktemp)
  QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:15432/$1 \
    KAFKA_BOOTSTRAP_SERVERS=localhost:9092 QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:8180/realms/shuangsuiji \
    java $(if [ "$1" = draw ]; then echo "${JAVA_OPTS/-XX:TieredStopAtLevel=1/}"; else echo "$JAVA_OPTS"; fi) $2 -jar "$(ls "$1"-service/target/*-runner.jar)" >"$log" 2>&1 &
  pid=$!
}

await_ready() {
  until curl -sf "http://localhost:$port/q/health/ready" >/dev/null 2>&1; do
    sleep 0.1
    kill -0 $pid 2>/dev/null || { echo "$1 did not start:"; tail -20 "$log"; exit 1; }
  done
}
echo "| service | Quarkus 'started in' (s), $RUNS runs | wall to ready (s) | CPU to ready (s, user+sys) | idle RSS after ${IDLE_SECONDS}s (MB) |"
echo "|---|---|---|---|---|"
for svc in catalog roster draw inspection publication; do
  starts=(); walls=(); cpus=(); rss=""
  cds_opts=""
  if [ "$CDS" = on ]; then
    start_service "$svc" "-XX:ArchiveClassesAtExit=$cds_dir/$svc.jsa"
    await_ready "$svc"
    sleep 2
    kill $pid; wait $pid 2>/dev/null || true
    rm -f "$log"
    cds_opts="-XX:SharedArchiveFile=$cds_dir/$svc.jsa -Xshare:on"
  fi
  for run in $(seq 1 "$RUNS"); do
    t0=$(date +%s.%N)
    start_service "$svc" "$cds_opts"
    await_ready "$svc"
    t1=$(date +%s.%N)
    # CPU time does not depend on what else the machine is doing, unlike wall time.
    cpus+=("$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' /proc/$pid/stat)")
    walls+=("$(awk "BEGIN{printf \"%.2f\", $t1 - $t0}")")
    starts+=("$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1)")
    if [ "$run" = "$RUNS" ]; then
      sleep "$IDLE_SECONDS"
      rss=$(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 ))
    fi
    kill $pid; wait $pid 2>/dev/null || true
    rm -f "$log"
  done
  echo "| $svc-service | ${starts[*]} | ${walls[*]} | ${cpus[*]} | $rss |"
done
