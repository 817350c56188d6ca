#!/usr/bin/env bash
# Start-up time of the server as shipped: milliseconds from starting ./wxlogin to the first 200 on /health.
#
#   bench/startup.sh        # 5 starts: the first is the training start that writes the AOT cache, 4 restarts
#   BENCH_STARTS=9 bench/startup.sh
#   BENCH_SERVER_JAVA_OPTS='-Xlog:class+load:file=/tmp/classes.log:uptime' bench/startup.sh
#                           # JVM options for every start (WXLOGIN_JAVA_OPTS), to see where the time goes
#   BENCH_KEEP=1 bench/startup.sh    # keeps each start's log (and the data) and says where
#
# It builds nothing: ./wxlogin would build a jar older than the sources, and that build would be timed. Build it
# first (`mvn -B -q -DskipTests package -pl bootstrap -am`, or run ./wxlogin once); a missing or stale jar is
# refused. Each run gets a fresh data directory (one H2 database: the first start creates the schema, restarts
# validate it) and a fresh start-up cache directory (WXLOGIN_CACHE_DIR), both on a free loopback port, in the
# sandbox mode ./wxlogin starts in with no configuration. On a shared machine run it under the build lock:
#   flock /tmp/wxlogin-mvn.lock bash bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

starts=${BENCH_STARTS:-5}
jar=bootstrap/target/wxlogin.jar
[ "$starts" -ge 2 ] || { echo "startup: BENCH_STARTS must be at least 2 (a training start and a restart)" >&2; exit 1; }
if [ ! -f "$jar" ] || [ -n "$(find . -path ./data -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]; then
  echo "startup: $jar is missing or older than the sources; build it first: mvn -B -q -DskipTests package -pl bootstrap -am" >&2
  exit 1
fi
for tool in curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "startup: needs $tool" >&2; exit 1; }
done

work=$(mktemp -d -t wxlogin-startup.XXXXXX)
server_pid=""
keep_work=${BENCH_KEEP:-}
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  [ "${keep_work:-}" ] && echo "startup: logs kept in $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
now_ms() { date +%s%3N; }

timed_start() { # $1: log file; sets server_pid, and ms to the milliseconds from the start of ./wxlogin to the first 200
  local started code
  started=$(now_ms)
  WXLOGIN_PORT="$port" WXLOGIN_DATA_DIR="$work/data" WXLOGIN_CACHE_DIR="$work/cache" \
    WXLOGIN_JAVA_OPTS="${BENCH_SERVER_JAVA_OPTS:-}" ./wxlogin >"$1" 2>&1 &
  server_pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
    [ "$code" = 200 ] && break
    kill -0 "$server_pid" 2>/dev/null || { keep_work=1; echo "startup: the server died:" >&2; cat "$1" >&2; exit 1; }
    [ $(( $(now_ms) - started )) -lt 60000 ] || { keep_work=1; echo "startup: no 200 within 60 s" >&2; exit 1; }
    sleep 0.005
  done
  ms=$(( $(now_ms) - started ))
}

stop() { # SIGTERM and wait: the training start writes the AOT cache as it stops
  kill -TERM "$server_pid"
  wait "$server_pid" || true
  server_pid=""
}

restarts=()
mkdir -p "$work/cache"
echo "startup: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes'), $starts starts on port $port"
for i in $(seq 1 "$starts"); do
  timed_start "$work/server-$i.log"
  stopping=$(now_ms)
  stop
  if [ "$i" -eq 1 ]; then
    echo "start 1 (training, writes the AOT cache): $ms ms (its stop: $(( $(now_ms) - stopping )) ms)"
  else
    echo "start $i (restart): $ms ms"
    restarts+=("$ms")
  fi
done
median=$(printf '%s\n' "${restarts[@]}" | sort -n | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2))}')
echo "median restart: $median ms (of ${#restarts[@]}: ${restarts[*]})"
