#!/usr/bin/env bash
# docs/deployment.md, tried on this machine, all on loopback: a PostgreSQL cluster of its own, two instances of the
# shipped jar started at once on the empty database, nginx in front with TLS (a self-signed certificate) and
# deploy/nginx.conf, the WeChat sandbox standing in for WeChat. It runs the README walkthrough through nginx over
# HTTPS, shows the client's address reaching the instances and the rate limits holding per client across both,
# backs the database up with pg_dump and restores it (a session from before the dump still works), rotates the
# data key with rolling restarts, and tears everything down, whatever happens.
#
#   flock /tmp/wxlogin-mvn.lock deploy/trial.sh      # as root (it runs PostgreSQL as the postgres user)
#
# Needs the jar (mvn -B -DskipTests package); installs postgresql, nginx-light, openssl and curl from Debian's
# packages if missing. Ports: TRIAL_PG_PORT (25432), TRIAL_PORT_1/2 (18181/18182), TRIAL_HTTPS_PORT (18443),
# TRIAL_SANDBOX_PORT (18997). Leaves nothing running and nothing installed but packages.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_port=${TRIAL_PG_PORT:-25432}
ports=("${TRIAL_PORT_1:-18181}" "${TRIAL_PORT_2:-18182}")
https_port=${TRIAL_HTTPS_PORT:-18443}
sandbox_port=${TRIAL_SANDBOX_PORT:-18997}
site="https://127.0.0.1:$https_port"
sandbox="http://127.0.0.1:$sandbox_port"

[ "$(id -u)" -eq 0 ] || { echo "trial: run it as root (PostgreSQL runs as postgres, nginx binds as root)" >&2; exit 1; }
missing=()
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
for tool in openssl curl python3; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "trial: installing ${missing[*]} from Debian's packages..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
[ -f bootstrap/target/wxlogin.jar ] || { echo "trial: build the jar first: mvn -B -DskipTests package" >&2; exit 1; }

work=$(mktemp -d -t wxlogin-trial.XXXXXX)
chmod 711 "$work" # the postgres user must reach its data directory inside
. deploy/loopback-database.sh
declare -A instance_pid
other_pids=()
nginx_pid=""

stop_instance() { # index
  local pid=${instance_pid[$1]:-}
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  instance_pid[$1]=""
}
teardown() {
  local status=$?
  for i in "${!instance_pid[@]}"; do stop_instance "$i"; done
  for pid in ${nginx_pid:+"$nginx_pid"} "${other_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  loopback_db_stop
  if [ "$status" -ne 0 ]; then
    echo "trial: FAILED (exit $status); last lines of each log:" >&2
    for log in "$work"/*.log "$work"/pg/*.log "$work"/nginx/*.log; do
      [ -f "$log" ] && { echo "--- $log" >&2; tail -n 15 "$log" >&2; }
    done
  fi
  if pgrep -f "$work" >/dev/null; then
    echo "trial: still running after the teardown:" >&2; pgrep -a -f "$work" >&2
  else
    echo "== torn down: no process of the trial left, $work removed"
  fi
  rm -rf "$work"
}
trap teardown EXIT

sql() { loopback_db_superuser "$@"; }
pg() { local tool=$1; shift; loopback_db_as_owner "$(loopback_db_pgbin)/$tool" -h "$work/pg" -p "$pg_port" "$@"; }
step() { printf '\n== %s\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }
now_ms() { date +%s%3N; }

# ---------------------------------------------------------------------------------------------------------------
step "PostgreSQL: a cluster of our own on 127.0.0.1:$pg_port, data in $work/pg"
loopback_db_start postgres "$work/pg" "$pg_port" # deploy/loopback-database.sh: initdb, pg_ctl start, a role, a database
echo "$db_version; database wxlogin, empty, owned by the role wxlogin (password from openssl rand); $db_url"

step "TLS: a self-signed certificate for 127.0.0.1 (a real one in production)"
mkdir "$work/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=wxlogin-trial \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -keyout "$work/tls/key.pem" -out "$work/tls/cert.pem" 2>/dev/null
openssl x509 -in "$work/tls/cert.pem" -noout -subject -ext subjectAltName | sed 's/^ *//'

step "The WeChat sandbox on $sandbox (stands in for api.weixin.qq.com)"
./wxlogin sandbox --port "$sandbox_port" >"$work/sandbox.log" 2>&1 &
other_pids+=($!)
until curl -s -o /dev/null "$sandbox/sns/jscode2session"; do sleep 0.1; done
echo "up"

data_key=$(openssl rand -base64 32)
retired_keys=""
pool_size=5 # two instances x 5 = 10 of PostgreSQL's 100 connections: see docs/deployment.md#pool-sizing
start_instance() { # index: in the background, with the variables deploy/wxlogin.env.example sets (loopback values)
  local i=$1 dir="$work/instance-$1"
  mkdir -p "$dir"
  env WXLOGIN_APP_ID=wxsandbox00000001 WXLOGIN_APP_SECRET=sandbox-app-secret WXLOGIN_WECHAT_URL="$sandbox" \
    WXLOGIN_DATA_KEY="$data_key" ${retired_keys:+WXLOGIN_DATA_KEYS_RETIRED="$retired_keys"} \
    WXLOGIN_HOST=127.0.0.1 WXLOGIN_PORT="${ports[$i]}" WXLOGIN_TRUSTED_PROXIES=127.0.0.1 WXLOGIN_DATA_DIR="$dir" \
    WXLOGIN_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/wxlogin?options=-c%20lock_timeout%3D10s" \
    WXLOGIN_DB_USER="$db_user" WXLOGIN_DB_PASSWORD="$db_password" WXLOGIN_DB_POOL_SIZE=$pool_size \
    WXLOGIN_RATE_API_PER_IP=20 \
    WXLOGIN_CACHE_DIR="$dir" \
    ./wxlogin >>"$work/instance-$i.log" 2>&1 &
  instance_pid[$i]=$!
}
await_ready() { # index: until its /ready says 200
  local i=$1 deadline=$(( $(now_ms) + 120000 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[$i]}/ready")" = 200 ]; do
    kill -0 "${instance_pid[$i]}" 2>/dev/null || { echo "trial: instance $i died" >&2; exit 1; }
    [ "$(now_ms)" -lt "$deadline" ] || { echo "trial: instance $i not ready after 120 s" >&2; exit 1; }
    sleep 0.1
  done
}
fail_timeout=5 # deploy/nginx.conf: nginx rests an instance that refused a connection for this long
restart_instance() { # index: a rolling restart's step; nginx sends its clients to the other one meanwhile
  stop_instance "$1"
  start_instance "$1"
  await_ready "$1"
  sleep "$fail_timeout" # before the next instance stops, nginx must be sending to this one again
}
await_site() { # until nginx passes requests again (it rests an instance for fail_timeout after a failure)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$work/tls/cert.pem" "$site/ready")" = 200 ]; do sleep 0.2; done
}

step "systemd: deploy/wxlogin.service is checked, not run"
if command -v systemd-analyze >/dev/null 2>&1; then
  systemd-analyze verify deploy/wxlogin.service && echo "systemd-analyze verify deploy/wxlogin.service: no findings"
else
  echo "systemd-analyze is not installed: the unit is not checked"
fi
echo "PID 1 is $(ps -o comm= -p 1): the instances below run from this shell, with the variables of the environment file"

step "Two instances started at the same moment on the empty database (ports ${ports[*]}, pool $pool_size each)"
started=$(now_ms)
start_instance 0
start_instance 1
await_ready 0
await_ready 1
echo "both ready $(( $(now_ms) - started )) ms after the start"
grep -h 'listening on' "$work"/instance-*.log
echo "Flyway's history: each migration applied once, by whichever instance took Flyway's lock first:"
loopback_db_sql "SELECT version, description, success FROM flyway_schema_history ORDER BY installed_rank" \
  | sed 's/^/  /'

step "nginx on $site: deploy/nginx.conf, placeholders filled in"
mkdir "$work/nginx"
sed -e "s|@INSTANCE_1@|127.0.0.1:${ports[0]}|" -e "s|@INSTANCE_2@|127.0.0.1:${ports[1]}|" \
  -e "s|@LISTEN@|127.0.0.1:$https_port|" -e "s|@SERVER_NAME@|localhost|" \
  -e "s|@CERTIFICATE@|$work/tls/cert.pem|" -e "s|@CERTIFICATE_KEY@|$work/tls/key.pem|" \
  -e "s|@ACCESS_LOG@|$work/nginx/access.log|" deploy/nginx.conf >"$work/nginx/wxlogin.conf"
cat >"$work/nginx/nginx.conf" <<CONF
# What Debian's /etc/nginx/nginx.conf provides around conf.d/*.conf, with every path in the trial's directory.
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 256; }
http {
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/wxlogin.conf;
}
CONF
nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" -t 2>&1 | sed "s|$work|\$work|g"
nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
until curl -s -o /dev/null --cacert "$work/tls/cert.pem" "$site/health"; do sleep 0.1; done

# Clients on other loopback addresses than nginx's own 127.0.0.1, so that "who is the client" is visible.
https() { curl -s --cacert "$work/tls/cert.pem" --interface "$client" "$@"; }
json() { python3 -c "import sys, json; print(json.load(sys.stdin)[\"$1\"])"; }
code_for() { curl -s -X POST "$sandbox/sandbox/code" -H 'Content-Type: application/json' -d "{\"user\":\"$1\"}" | json code; }

step "The README walkthrough through nginx over HTTPS (curl --cacert), as the client 127.0.0.2"
client=127.0.0.2
echo "# 1. a code from the sandbox (on a phone: wx.login(), from WeChat itself)"
CODE=$(code_for alice)
echo "# 2. log in"
https -X POST "$site/api/v1/login" -H 'Content-Type: application/json' -d "{\"code\":\"$CODE\"}" >"$work/login.json"
sed -E 's/"token":"[^"]{8}[^"]*"/"token":"…"/' "$work/login.json"; echo
TOKEN=$(json token <"$work/login.json")
echo "# 3. who am I"
https -w '\n' "$site/api/v1/me" -H "Authorization: Bearer $TOKEN"
echo "# 4. the code again: refused"
https -w '\n' -X POST "$site/api/v1/login" -H 'Content-Type: application/json' -d "{\"code\":\"$CODE\"}"
echo "# 5. my devices (clientIp: the client's address, as the instance took it from X-Forwarded-For)"
https -w '\n' "$site/api/v1/sessions" -H "Authorization: Bearer $TOKEN"
echo "   logout, then the token is dead"
https -o /dev/null -w '%{http_code}\n' -X POST "$site/api/v1/logout" -H "Authorization: Bearer $TOKEN"
https -w '\n' "$site/api/v1/me" -H "Authorization: Bearer $TOKEN"
echo "# health and readiness"
https -w '\n' "$site/health"
https -w '\n' "$site/ready"
echo "# the sandbox is not reachable through nginx"
https -o /dev/null -w '%{http_code}\n' -X POST "$site/sandbox/code" -d '{"user":"mallory"}'

step "The client's address reaches the instances: a forged X-Forwarded-For is ignored"
client=127.0.0.3
TOKEN=$(https -X POST "$site/api/v1/login" -H 'Content-Type: application/json' -H 'X-Forwarded-For: 203.0.113.9' \
  -d "{\"code\":\"$(code_for bob)\"}" | json token)
https "$site/api/v1/sessions" -H "Authorization: Bearer $TOKEN" | python3 -c \
  'import sys, json; print("bob'"'"'s session, logged in from 127.0.0.3 with X-Forwarded-For: 203.0.113.9: clientIp", json.load(sys.stdin)["sessions"][0]["clientIp"])'
echo "nginx's access log (client, request, status, instance that answered):"
sed 's/^/  /' "$work/nginx/access.log"

step "Rate limits per client hold across both instances (trial setting WXLOGIN_RATE_API_PER_IP=20)"
for client in 127.0.0.4 127.0.0.5 127.0.0.6 127.0.0.7; do
  statuses=$(for _ in $(seq 40); do https -o /dev/null -w '%{http_code}\n' "$site/api/v1/me"; done | sort | uniq -c | awk '{printf "%s x%s  ", $2, $1}')
  instance=$(tail -n 1 "$work/nginx/access.log" | awk '{print $(NF-1)}')
  echo "client $client, 40 requests without a token: $statuses(all to $instance)"
done

step "Backup with pg_dump, and a restore after which sessions still work"
client=127.0.0.2
BEFORE=$(https -X POST "$site/api/v1/login" -H 'Content-Type: application/json' -d "{\"code\":\"$(code_for carol)\"}" | json token)
echo "carol logged in before the dump: /me $(https -o /dev/null -w '%{http_code}' "$site/api/v1/me" -H "Authorization: Bearer $BEFORE")"
show pg pg_dump -Fc -d wxlogin -f "$work/pg/wxlogin.dump"
ls -l "$work/pg/wxlogin.dump" | awk '{print "dump: " $5 " bytes"}'
AFTER=$(https -X POST "$site/api/v1/login" -H 'Content-Type: application/json' -d "{\"code\":\"$(code_for dave)\"}" | json token)
echo "dave logged in after the dump: /me $(https -o /dev/null -w '%{http_code}' "$site/api/v1/me" -H "Authorization: Bearer $AFTER")"
echo "stop both instances, drop the database, restore it, start them again:"
stop_instance 0
stop_instance 1
echo "  during the outage, through nginx: $(https -o /dev/null -w '%{http_code}' "$site/api/v1/me" -H "Authorization: Bearer $BEFORE")"
show sql -c "DROP DATABASE wxlogin"
show sql -c "CREATE DATABASE wxlogin OWNER wxlogin"
show pg pg_restore --exit-on-error -d wxlogin "$work/pg/wxlogin.dump"
start_instance 0
start_instance 1
await_ready 0
await_ready 1
await_site
echo "carol's token from before the dump: /me $(https -o /dev/null -w '%{http_code}' "$site/api/v1/me" -H "Authorization: Bearer $BEFORE")"
echo "dave's token from after the dump (not in the backup): $(https -w '\n' "$site/api/v1/me" -H "Authorization: Bearer $AFTER")"

step "Data key rotation, two rolling restarts (every instance reads the new key before any writes with it)"
key_id() { printf '%s' "$1" | base64 -d | sha256sum | cut -c1-8; }
old_key=$data_key
new_key=$(openssl rand -base64 32)
echo "old key id $(key_id "$old_key"), new key id $(key_id "$new_key")"
echo "1. every instance learns the new key as retired (readable), still writing with the old one"
retired_keys=$new_key
restart_instance 0
restart_instance 1
echo "2. every instance writes with the new key and still reads the old one"
data_key=$new_key retired_keys=$old_key
for i in 0 1; do
  stop_instance "$i"
  echo "   instance $i stopped; carol's token through nginx meanwhile: /me $(https -o /dev/null -w '%{http_code}' "$site/api/v1/me" -H "Authorization: Bearer $BEFORE")"
  start_instance "$i"
  await_ready "$i"
  sleep "$fail_timeout"
done
client=127.0.0.2
https -o /dev/null -X POST "$site/api/v1/login" -H 'Content-Type: application/json' -d "{\"code\":\"$(code_for alice)\"}"
echo "alice logged in again; session_key rows by key id:"
loopback_db_sql "SELECT session_key_key_id, count(*) FROM app_user GROUP BY 1 ORDER BY 1" | sed 's/^/  /'
echo "carol's token from before the dump, restore and rotation: /me $(https -o /dev/null -w '%{http_code}' "$site/api/v1/me" -H "Authorization: Bearer $BEFORE")"
echo "(the old key may be dropped from WXLOGIN_DATA_KEYS_RETIRED once no row names it, or after WXLOGIN_SESSION_MAX)"

step "Errors in the instances' logs"
grep -h -E ' (ERROR|WARN) ' "$work"/instance-*.log | grep -v -E 'pk_|sandbox' | cut -c1-200 || echo "none"

step "Stopping: the instances on SIGTERM, nginx, PostgreSQL"
