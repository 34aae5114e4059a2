#!/usr/bin/env bash
# roster-service at province scale: imports N (default 1 000 000) generated subjects from CSV through
# POST /imports/subjects, streams the 1 000 000-subject pool snapshot, then COPYs the same subject rows into the same
# table with plain PostgreSQL COPY for comparison. Runs against the infrastructure of the local platform:
#   ./deploy/local/run.sh --infra-only &      # PostgreSQL 15432, Kafka 9092, Keycloak 8180
#   ./mvnw -B -o -DskipTests package -pl roster-service
#   ./deploy/bench/roster-import.sh
# Uses a scratch database roster_bench (dropped and re-created) so the local run's data is untouched. Prints the
# figures for docs/performance.md: wall times, the job's own start/finish, the service's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-1000000}
PORT=${PORT:-18082}
DB=roster_bench
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx512m -XX:+UseSerialGC"}
JAR=${JAR:-$(ls roster-service/target/*-runner.jar)}  # JAR=… measures another build (e.g. the previous commit's)
PG="postgresql://postgres:postgres@localhost:15432"
KEYCLOAK=http://localhost:8180/realms/shuangsuiji/protocol/openid-connect/token
BASE=http://localhost:$PORT

token() { curl -s -d grant_type=password -d client_id=platform-web -d username=admin -d password=admin-pass "$KEYCLOAK" | jq -r .access_token; }
now() { date +%s.%N; }
# CPU seconds (user + system) of the PostgreSQL server on 15432 (postmaster, its reaped children, live backends) and
# of roster-service: unlike wall time, hardly changed by other processes competing for the two cores.
TICK=$(getconf CLK_TCK)
PGMASTER=$(ss -ltnp 2>/dev/null | sed -n 's/.*:15432 .*pid=\([0-9]*\).*/\1/p' | head -1)
ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_cpu() {
  local t; t=$(ticks "$PGMASTER")
  for c in $(ps -o pid= --ppid "$PGMASTER"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  echo "scale=1; $t / $TICK" | bc
}
jvm_cpu() { echo "scale=1; $(awk '{print $14 + $15}' "/proc/$pid/stat") / $TICK" | bc; }
# the Kafka broker on 9092 shares the cores too: the relay sends it every event the import writes
KAFKA=$(ss -ltnp 2>/dev/null | sed -n 's/.*:9092 .*pid=\([0-9]*\).*/\1/p' | head -1)
kafka_cpu() { [ -n "$KAFKA" ] && echo "scale=1; $(ticks "$KAFKA") / $TICK" | bc || echo 0; }
secs() { echo "$2 - $1" | bc; }

pg_isready -h localhost -p 15432 >/dev/null || { echo "PostgreSQL is not on 15432: start ./deploy/local/run.sh --infra-only" >&2; exit 1; }
psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

echo "generating $N subjects into $WORK/subjects.csv"
t0=$(now)
java -cp roster-service/target/classes org.shuangsuiji.roster.demo.DemoGenerator subjects "$N" > "$WORK/subjects.csv"
echo "  generated in $(secs "$t0" "$(now)") s, $(du -h "$WORK/subjects.csv" | cut -f1)"

log="$WORK/roster.log"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:15432/$DB \
  KAFKA_BOOTSTRAP_SERVERS=localhost:9092 QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:8180/realms/shuangsuiji \
  java $JAVA_OPTS -jar "$JAR" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "$BASE/q/health/ready" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { echo "roster-service died, see $log" >&2; exit 1; }
  sleep 1
done
peak=0
sample() { local r; r=$(ps -o rss= -p $pid | tr -d ' '); [ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r; true; }
sample
echo "  roster-service ready, RSS $((peak / 1024)) MiB"

TOKEN=$(token)
while IFS='|' read -r code name level division parent; do
  body=$(jq -cn --arg c "$code" --arg n "$name" --arg l "$level" --arg d "$division" --arg p "$parent" \
    '{code:$c,name:$n,level:$l,divisionCode:$d,parentCode:(if $p == "" then null else $p end)}')
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body" "$BASE/departments"
done <<'DEPARTMENTS'
SX-SCJGJ|山西省市场监督管理局|PROVINCE|140000|
JC-SCJGJ|晋城市市场监督管理局|CITY|140500|SX-SCJGJ
YC-SCJGJ|阳城县市场监督管理局|COUNTY|140522|JC-SCJGJ
XZ-SCJGJ|忻州市市场监督管理局|CITY|140900|SX-SCJGJ
YP-SCJGJ|原平市市场监督管理局|COUNTY|140981|XZ-SCJGJ
SX-FGW|山西省发展和改革委员会|PROVINCE|140000|
JC-FGW|晋城市发展和改革委员会|CITY|140500|SX-FGW
YC-FGJ|阳城县发展和改革局|COUNTY|140522|JC-FGW
SX-TJJ|山西省统计局|PROVINCE|140000|
JC-TJJ|晋城市统计局|CITY|140500|SX-TJJ
YC-TJJ|阳城县统计局|COUNTY|140522|JC-TJJ
SX-SLT|山西省水利厅|PROVINCE|140000|
JC-SLJ|晋城市水务局|CITY|140500|SX-SLT
YC-SWJ|阳城县水务局|COUNTY|140522|JC-SLJ
SX-NYNCT|山西省农业农村厅|PROVINCE|140000|
SZ-NYNCJ|朔州市农业农村局|CITY|140600|SX-NYNCT
PL-NYNCJ|平鲁区农业农村局|COUNTY|140603|SZ-NYNCJ
DEPARTMENTS

import() {
  local t0 location state job pg0 jvm0 kafka0
  t0=$(now)
  pg0=$(pg_cpu)
  jvm0=$(jvm_cpu)
  kafka0=$(kafka_cpu)
  location=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $(token)" -H 'Content-Type: text/csv; charset=UTF-8' \
    --data-binary "@$WORK/subjects.csv" "$BASE/imports/subjects?fileName=subjects.csv" | tr -d '\r' | sed -n 's/^Location: //Ip')
  [ -n "$location" ] || { echo "import not accepted, see $log" >&2; exit 1; }
  echo "  uploaded in $(secs "$t0" "$(now)") s"
  while :; do
    sample
    job=$(curl -s -H "Authorization: Bearer $(token)" "$location")
    state=$(echo "$job" | jq -r .state)
    [ "$state" = SUCCEEDED ] || [ "$state" = FAILED ] && break
    sleep 1
  done
  echo "  $1: $state in $(secs "$t0" "$(now)") s wall (upload included); job: $(echo "$job" | jq -c '{rowsRead,rowsCreated,rowsChanged,rowsUnchanged,rowsRejected,startedAt,finishedAt}')"
  echo "  phases: $(grep -o 'done in [^"]*' "$log" | tail -1)"
  echo "  CPU: PostgreSQL $(secs "$pg0" "$(pg_cpu)") s, roster-service $(secs "$jvm0" "$(jvm_cpu)") s (upload and relay included), Kafka broker $(secs "$kafka0" "$(kafka_cpu)") s"
  echo "  load: $(uptime | sed 's/.*load/load/')"
}

echo "import of $N subjects ($(uptime | sed 's/.*load/load/'))"
import "first import"
# ONLY_IMPORT=1: the first import alone, for comparing two builds (no re-import, snapshot or COPY)
[ "${ONLY_IMPORT:-}" = 1 ] && exit 0
echo "re-import of the same file (must change nothing)"
import "re-import"

echo "snapshot of the whole pool (ACTIVE subjects)"
for run in 1 2 3; do
  t0=$(now)
  curl -s -H "Authorization: Bearer $(token)" "$BASE/snapshots/subjects" -o "$WORK/pool.ndjson"
  t1=$(now)
  sample
  echo "  run $run: $(($(wc -l < "$WORK/pool.ndjson") - 1)) subjects streamed in $(secs "$t0" "$t1") s; trailer $(tail -1 "$WORK/pool.ndjson")"
done
t0=$(now)
curl -s -H "Authorization: Bearer $(token)" "$BASE/snapshots/subjects/summary" >/dev/null
echo "  summary (count + hash) in $(secs "$t0" "$(now)") s"
recomputed=$(head -n -1 "$WORK/pool.ndjson" | jq -r .uscc | sha256sum | cut -d' ' -f1)
echo "  recomputed hash $recomputed"
# ADR 0016: a directory filter tests membership on the subject row (no index of directory entries); a page
# includes its total, so each request reads every subject
echo "subject list pages (50 subjects, with their total)"
for q in "" "department=YC-TJJ" "department=YP-SCJGJ" "department=YC-TJJ&riskClass=D"; do
  for run in 1 2 3; do
    t0=$(now)
    total=$(curl -s -H "Authorization: Bearer $(token)" "$BASE/subjects?size=50&$q" | jq .total)
    echo "  ${q:-(no filter)} run $run: total $total in $(secs "$t0" "$(now)") s"
  done
done
echo "peak RSS of roster-service: $((peak / 1024)) MiB (heap cap: $JAVA_OPTS)"

kill $pid; wait $pid 2>/dev/null || true
trap - EXIT

echo "plain COPY of the same subject rows into the same table"
psql -q "$PG/$DB" -c "\\copy (SELECT uscc, name, kind, industry_code, division_code, address, status, departments, item_families, risk_class, risk_as_of, risk_source, created_by, created_at, updated_by, updated_at, lock_version FROM subject) TO '$WORK/subject-rows.tsv'"
psql -q "$PG/$DB" -c "TRUNCATE subject CASCADE"
t0=$(now)
pg0=$(pg_cpu)
psql -q "$PG/$DB" -c "\\copy subject (uscc, name, kind, industry_code, division_code, address, status, departments, item_families, risk_class, risk_as_of, risk_source, created_by, created_at, updated_by, updated_at, lock_version) FROM '$WORK/subject-rows.tsv'"
echo "  COPY of $(wc -l < "$WORK/subject-rows.tsv") rows in $(secs "$t0" "$(now)") s, PostgreSQL CPU $(secs "$pg0" "$(pg_cpu)") s ($(uptime | sed 's/.*load/load/'))"
echo "files kept in $WORK"
