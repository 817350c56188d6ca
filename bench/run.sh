#!/usr/bin/env bash
# The wxlogin benchmark: the server as shipped (./wxlogin, durable H2 file database) against the WeChat
# sandbox in a separate process, driven by wrk over loopback. Prints every figure and ratio of one run.
#
#   bench/run.sh            # 20 s warm-up and 10 s measured per scenario (about 5 minutes)
#   BENCH_WARMUP=5 BENCH_DURATION=5 bench/run.sh    # a quick look
#   BENCH_DB=postgres bench/run.sh                  # or mariadb: the server on a database server of its own
#   BENCH_SCALE=1 bench/run.sh                      # then login and /me again with 100,000 users and 1,000,000
#                                                   # sessions more in the database (H2 only; adds about 3 minutes)
#   BENCH_SERVER_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/server.jfr' bench/run.sh
#                                                   # JVM options for the server only (not the sandbox): a profile
#   BENCH_PEER=memory bench/run.sh                  # then the same scenarios against the stack users would build
#                                                   # instead (bench/peer: Spring Boot, WxJava, Sa-Token), side by
#                                                   # side with wxlogin's figures of this run (adds about 3 minutes);
#                                                   # BENCH_PEER=redis: Sa-Token's state in Redis (installed from
#                                                   # Debian's packages if missing); BENCH_PEER="memory redis": both
#
# BENCH_DB=postgres|mariadb (default h2) brings up that server from Debian's packages (installed if missing) on
# 127.0.0.1:BENCH_DB_PORT (25433), with its data in the run's temporary directory and its packaged defaults, and
# stops it at the end (deploy/loopback-database.sh; needs root).
#
# Rate limits and the password failure limits are off for the run (they would be the thing measured otherwise;
# failed password logins are still counted in the database); everything else is the default configuration. Ratios compare figures of this run only: the machines are shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/.."

warmup=${BENCH_WARMUP:-20}
duration=${BENCH_DURATION:-10}
threads=${BENCH_THREADS:-2}
port=${BENCH_PORT:-18080}
sandbox_port=${BENCH_SANDBOX_PORT:-18999}
internal_port=${BENCH_INTERNAL_PORT:-18081}
server="http://127.0.0.1:$port"
sandbox="http://127.0.0.1:$sandbox_port"
db=${BENCH_DB:-h2}
db_port=${BENCH_DB_PORT:-25433}
case $db in h2|postgres|mariadb) ;; *) echo "bench: BENCH_DB is h2, postgres or mariadb, not $db" >&2; exit 1 ;; esac
. deploy/loopback-database.sh
work=$(mktemp -d -t wxlogin-bench.XXXXXX)
pids=()
cleanup() {
  [ $? -eq 0 ] || keep_work=1
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  loopback_db_stop
  [ "${keep_work:-}" ] && echo "bench: logs kept in $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

debian_package() { # command, package: installs the package from Debian's packages unless the command is there
  command -v "$1" >/dev/null 2>&1 && return
  echo "bench: installing $2 from Debian's packages..." >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq "$2" >&2
}
debian_package wrk wrk
for tool in curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: needs $tool" >&2; exit 1; }
done

db_settings=()
if [ "$db" = h2 ]; then
  db_name="H2, durable file (the default)"
else
  loopback_db_start "$db" "$work/$db" "$db_port"
  db_settings=(WXLOGIN_DB_URL="$db_url" WXLOGIN_DB_USER="$db_user" WXLOGIN_DB_PASSWORD="$db_password")
  db_name="$db_version on loopback (Debian's package, its default settings)"
fi

ticks_per_second=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of the process, in ticks
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
now_ms() { date +%s%3N; }
ms_per_request() { awk -v t="$1" -v hz="$ticks_per_second" -v r="$2" 'BEGIN {printf "%.3f", (r > 0 ? t / hz * 1000 / r : 0)}'; } # ticks, requests

await() { # url, seconds: until the URL answers at all
  local deadline=$(( $(now_ms) + $2 * 1000 ))
  until curl -s -o /dev/null "$1"; do
    [ "$(now_ms)" -lt "$deadline" ] || { keep_work=1; echo "bench: $1 did not answer" >&2; exit 1; }
    sleep 0.005
  done
}

# The sandbox first: ./wxlogin builds the jar if the sources changed, so the server's start-up is timed warm.
# (./wxlogin keeps the sandbox's start-up cache apart from the server's.)
# The sandbox remembers every code it minted for the code's 5 minutes, used or not (a second use must answer 40163):
# the run mints 150,000 and more per login scenario, more than ./wxlogin's 128 MiB heap holds.
# Each of the peer's runs mints about as many again, in less time.
sandbox_heap=512m
[ -z "${BENCH_PEER:-}" ] || sandbox_heap=2g
WXLOGIN_JAVA_OPTS=-Xmx$sandbox_heap ./wxlogin sandbox --port "$sandbox_port" >"$work/sandbox.log" 2>&1 &
pids+=($!)
await "$sandbox/sns/jscode2session" 300

data_key=$(head -c 32 /dev/urandom | base64)
internal_key=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')
internal="http://127.0.0.1:$internal_port"
await_health() { # pid, what it is, its log: sets server_pid once $server/health answers 200, or stops the run
  server_pid=$1
  pids+=("$server_pid")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$server/health")" = 200 ]; do
    kill -0 "$server_pid" 2>/dev/null || { echo "bench: $2 died:" >&2; cat "$3" >&2; exit 1; }
    sleep 0.005
  done
}
start_server() { # sets server_pid once /health answers 200
  env "${db_settings[@]}" WXLOGIN_APP_ID=wxsandbox00000001 WXLOGIN_APP_SECRET=sandbox-app-secret WXLOGIN_SANDBOX=false \
    WXLOGIN_WECHAT_URL="$sandbox" WXLOGIN_DATA_KEY="$data_key" WXLOGIN_DATA_DIR="$work/data" WXLOGIN_PORT="$port" \
    WXLOGIN_RATE_LOGIN_PER_IP=0 WXLOGIN_RATE_LOGIN_GLOBAL=0 WXLOGIN_RATE_API_PER_IP=0 \
    WXLOGIN_PASSWORD_FAILURES_PER_USERNAME=0 WXLOGIN_PASSWORD_FAILURES_PER_CLIENT=0 \
    WXLOGIN_INTERNAL_API_KEYS="$internal_key" WXLOGIN_INTERNAL_PORT="$internal_port" \
    WXLOGIN_JAVA_OPTS="${BENCH_SERVER_JAVA_OPTS:-}" ./wxlogin >"$work/server.log" 2>&1 &
  await_health "$!" "the server" "$work/server.log"
}
# A first start and a clean stop, as any earlier run would have done: it leaves the start-up cache and the
# database, so the timed start is an ordinary restart.
start_server
kill -TERM "$server_pid" && wait "$server_pid" || true
started=$(now_ms)
start_server
startup_ms=$(( $(now_ms) - started ))

declare -A rate p50 p99 max errors cpu companion_cpu

wrk_run() { # output file, connections, seconds, script, script arguments...
  local out=$1 connections=$2 seconds=$3 script=$4; shift 4
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "bench/$script" "${target:-$server}" -- "$@" >"$out"
}

measured() { # scenario name, connections, script, script arguments...: one measured run, CPU counted around it
  local name=$1 connections=$2 script=$3; shift 3
  local before after requests seconds p50_ms p99_ms max_ms http5xx http4xx socket_errors
  local companion_before=0 companion_after=0
  before=$(cpu_ticks "$server_pid")
  [ -z "${companion_pid:-}" ] || companion_before=$(cpu_ticks "$companion_pid")
  wrk_run "$work/$name.txt" "$connections" "$duration" "$script" "$@"
  after=$(cpu_ticks "$server_pid")
  [ -z "${companion_pid:-}" ] || companion_after=$(cpu_ticks "$companion_pid")
  eval "$(sed -n 's/^RESULT //p' "$work/$name.txt")"
  rate[$name]=$(awk -v r="$requests" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')
  p50[$name]=$p50_ms p99[$name]=$p99_ms max[$name]=$max_ms
  errors[$name]="$http5xx 5xx, $http4xx 4xx, $socket_errors socket"
  cpu[$name]=$(ms_per_request $((after - before)) "$requests")
  companion_cpu[$name]=$(ms_per_request $((companion_after - companion_before)) "$requests")
}

steady() { # scenario name, connections, script, script arguments...: warm-up, then the measured run
  wrk_run "$work/$1-warmup.txt" "$2" "$warmup" "${@:3}"
  measured "$@"
}

# Logins need a fresh code per request. The warm-up gets plenty; the measured run gets twice what the warm-up's
# rate needs. 20,000 simulated users keep each under WeChat's quota of 100 exchanges a minute.
login() { # scenario name, connections
  python3 bench/prepare.py codes "$sandbox" 150000 20000 "$work/codes-warmup"
  wrk_run "$work/$1-warmup.txt" "$2" "$warmup" login.lua "$work/codes-warmup" "$threads"
  local warm
  warm=$(sed -n 's/^RESULT requests=\([0-9]*\) seconds=\([0-9.]*\).*/\1 \2/p' "$work/$1-warmup.txt" | awk '{printf "%d", $1 / $2}')
  python3 bench/prepare.py codes "$sandbox" $(( warm * duration * 2 + 5000 )) 20000 "$work/codes"
  measured "$1" "$2" login.lua "$work/codes" "$threads"
}

steady health 64 health.lua
login login 64
python3 bench/prepare.py tokens "$sandbox" "$server" 1000 "$work/tokens"
steady me 64 me.lua "$work/tokens"
target=$internal steady internal-token 64 internal-token.lua "$internal_key"
eval "$(python3 bench/prepare.py phone "$sandbox" "$server" 300 | sed 's/^/phone_/')"
eval "$(python3 bench/prepare.py passwords "$server" 200 | sed 's/^/password_/')"
curl -sf -X POST "$sandbox/sandbox/faults" -H 'Content-Type: application/json' -d '{"latency":"PT0.05S"}' >/dev/null
login login-wechat-50ms 256
# Issue 11: no 5xx at any concurrency up to 1,024 connections while WeChat and the database are healthy. Beyond
# 256 requests at once, the server lets the others wait for their turn (docs/operations.md#overload).
login login-wechat-50ms-1024 1024
steady me-1024 1024 me.lua "$work/tokens"
rss=$(rss_mib "$server_pid")

# At scale: the same database grown by 100,000 users (each with an account) and 1,000,000 live sessions, written
# while the server is stopped, then login and /me again with the same tokens.
scale() {
  curl -sf -X POST "$sandbox/sandbox/faults" -H 'Content-Type: application/json' -d '{"latency":"PT0S"}' >/dev/null
  kill -TERM "$server_pid" && wait "$server_pid" || true
  local now
  now=$(now_ms)
  sed "s/:now/$now/g" bench/scale-h2.sql >"$work/scale.sql"
  local seeding=$(now_ms)
  java -cp bootstrap/target/wxlogin.jar org.h2.tools.RunScript -url "jdbc:h2:file:$work/data/wxlogin" \
    -script "$work/scale.sql"
  seed_s=$(( ($(now_ms) - seeding) / 1000 ))
  start_server
  login login-scale 64
  steady me-scale 64 me.lua "$work/tokens"
}
if [ "${BENCH_SCALE:-}" ]; then
  [ "$db" = h2 ] || { echo "bench: BENCH_SCALE runs on H2 only" >&2; exit 1; }
  scale
fi

# The peer (bench/peer): the same JDK as the server, its own defaults (no flags, as its users ship it), after
# wxlogin has stopped, against the same sandbox. Its start is a first start: it keeps no start-up cache. With
# "redis", Sa-Token keeps its state in a Redis of the run's own (Redis's defaults: a snapshot now and then, no
# append-only file), whose CPU is shown beside the peer's.
peer() { # variant: memory or redis
  local variant=$1 java started profile=default peer_jar=bench/peer/target/peer.jar
  java=$(readlink -f "/proc/$server_pid/exe")
  curl -sf -X POST "$sandbox/sandbox/faults" -H 'Content-Type: application/json' -d '{"latency":"PT0S"}' >/dev/null
  kill -TERM "$server_pid" && wait "$server_pid" || true
  if [ ! -f "$peer_jar" ] || [ -n "$(find bench/peer -path bench/peer/target -prune -o -type f -newer "$peer_jar" -print -quit)" ]; then
    echo "bench: building bench/peer..." >&2
    mvn -q -B -Dstyle.color=never -DskipTests -f bench/peer/pom.xml package >&2
  fi
  companion_pid=""
  if [ "$variant" = redis ]; then
    debian_package redis-server redis-server
    redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --logfile "$work/redis.log" &
    companion_pid=$!
    pids+=("$companion_pid")
    until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.05; done
    profile=redis
  fi
  server="http://127.0.0.1:$peer_port"
  started=$(now_ms)
  "$java" -jar "$peer_jar" --spring.profiles.active="$profile" --server.port="$peer_port" --server.address=127.0.0.1 \
    --peer.wechat-url="$sandbox" --peer.app-id=wxsandbox00000001 --peer.app-secret=sandbox-app-secret \
    --peer.redis-port="$redis_port" >"$work/peer-$variant.log" 2>&1 &
  await_health "$!" "the peer" "$work/peer-$variant.log"
  peer_startup_ms[$variant]=$(( $(now_ms) - started ))
  steady "$variant-health" 64 health.lua
  login "$variant-login" 64
  python3 bench/prepare.py tokens "$sandbox" "$server" 1000 "$work/$variant-tokens"
  steady "$variant-me" 64 me.lua "$work/$variant-tokens"
  curl -sf -X POST "$sandbox/sandbox/faults" -H 'Content-Type: application/json' -d '{"latency":"PT0.05S"}' >/dev/null
  login "$variant-login-wechat-50ms" 256
  peer_rss[$variant]="$(rss_mib "$server_pid") MiB"
  [ -z "$companion_pid" ] || peer_rss[$variant]+=" (and Redis $(rss_mib "$companion_pid") MiB)"
}
peer_port=${BENCH_PEER_PORT:-18090}
redis_port=${BENCH_REDIS_PORT:-26379}
peers=${BENCH_PEER:-}
[ "$peers" != 1 ] || peers=memory
declare -A peer_startup_ms peer_rss
for variant in $peers; do
  case $variant in memory|redis) peer "$variant" ;; *) echo "bench: BENCH_PEER is memory, redis or both, not $variant" >&2; exit 1 ;; esac
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo "+changes")
echo
echo "wxlogin benchmark, commit $commit, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, wrk -t$threads, ${warmup} s warm-up, ${duration} s measured"
echo "database: $db_name"
echo
echo "| scenario | connections | req/s | ÷ /health | p50 ms | p99 ms | max ms | errors | CPU ms/req |"
echo "|---|---:|---:|---:|---:|---:|---:|---|---:|"
for name in health login me internal-token login-wechat-50ms login-wechat-50ms-1024 me-1024; do
  case $name in login-wechat-50ms) c=256 ;; *-1024) c=1024 ;; *) c=64 ;; esac
  echo "| $name | $c | ${rate[$name]} | $(ratio "${rate[$name]}" "${rate[health]}") | ${p50[$name]} | ${p99[$name]} | ${max[$name]} | ${errors[$name]} | ${cpu[$name]} |"
done
echo
echo "| figure | value |"
echo "|---|---|"
echo "| process start to first 200 on /health | $startup_ms ms |"
echo "| resident memory after the run | $rss MiB |"
echo "| POST /api/v1/me/phone, one at a time, WeChat at 0 ms (300 users) | p50 $phone_p50_ms ms, p99 $phone_p99_ms ms, max $phone_max_ms ms |"
for kind in right wrong unknown; do
  p50=password_${kind}_p50_ms p99=password_${kind}_p99_ms mean=password_${kind}_mean_ms
  echo "| POST /api/v1/login/password, $kind, one at a time (200 each, interleaved) | p50 ${!p50} ms, p99 ${!p99} ms, mean ${!mean} ms |"
done
echo "| mean time of an unknown username ÷ a wrong password (1.00: nothing to tell them apart) | $password_unknown_per_wrong |"
if [ "${BENCH_SCALE:-}" ]; then
  echo
  echo "At scale: 100,000 users and 1,000,000 sessions more (written in $seed_s s), the same tokens, 64 connections"
  echo
  echo "| scenario | req/s | ÷ the same with about 1,000 rows | p50 ms | p99 ms | max ms | errors | CPU ms/req |"
  echo "|---|---:|---:|---:|---:|---:|---|---:|"
  for name in login me; do
    echo "| $name | ${rate[$name-scale]} | $(ratio "${rate[$name-scale]}" "${rate[$name]}") | ${p50[$name-scale]} | ${p99[$name-scale]} | ${max[$name-scale]} | ${errors[$name-scale]} | ${cpu[$name-scale]} |"
  done
fi
for variant in $peers; do
  echo
  echo "Side by side: the peer (bench/peer: Spring Boot 3.5, WxJava 4.7, Sa-Token 1.44; its state in $variant), same run, same sandbox"
  echo
  echo "| scenario | connections | wxlogin req/s | peer req/s | wxlogin ÷ peer | ÷ own /health: wxlogin, peer | p99 ms: wxlogin, peer | CPU ms/req: wxlogin, peer$([ "$variant" = redis ] && echo " (+ Redis)") | peer errors |"
  echo "|---|---:|---:|---:|---:|---|---|---|---|"
  for name in health login me login-wechat-50ms; do
    case $name in login-wechat-50ms) c=256 ;; *) c=64 ;; esac
    peer_cpu=${cpu[$variant-$name]}
    [ "$variant" != redis ] || peer_cpu+=" (+ ${companion_cpu[$variant-$name]})"
    echo "| $name | $c | ${rate[$name]} | ${rate[$variant-$name]} | $(ratio "${rate[$name]}" "${rate[$variant-$name]}") |" \
      "$(ratio "${rate[$name]}" "${rate[health]}"), $(ratio "${rate[$variant-$name]}" "${rate[$variant-health]}") |" \
      "${p99[$name]}, ${p99[$variant-$name]} | ${cpu[$name]}, $peer_cpu | ${errors[$variant-$name]} |"
  done
  echo
  echo "| figure | wxlogin | peer |"
  echo "|---|---|---|"
  echo "| process start to first 200 | $startup_ms ms (a restart) | ${peer_startup_ms[$variant]} ms (its first start: it keeps no cache) |"
  echo "| resident memory after its runs | $rss MiB | ${peer_rss[$variant]} |"
done
