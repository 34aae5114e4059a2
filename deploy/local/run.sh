#!/bin/sh
# The whole platform on this machine, with only a JDK (17+): PostgreSQL, Kafka, Keycloak and the five services.
# Data: .local-run/ at the repo root (kept across runs; delete it to start over). Logs: .local-run/logs/.
# Ctrl-C stops everything. Options: SKIP_BUILD=1 reuses the last build.
set -eu
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "[local] building (./mvnw -q -DskipTests install) ..."
  ./mvnw -q -DskipTests install
fi
TARGET="$ROOT/deploy/local/target"
if [ ! -f "$TARGET/launcher.classpath" ] || [ ! -d "$TARGET/classes" ]; then
  echo "[local] deploy/local is not built; run without SKIP_BUILD=1" >&2
  exit 1
fi
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
exec "$JAVA" -Xmx256m -Dlocal.repoRoot="$ROOT" \
  -cp "$TARGET/classes:$(cat "$TARGET/launcher.classpath")" org.shuangsuiji.local.Main "$@"
