# Sourced by deploy/trial.sh and bench/run.sh (bash): a PostgreSQL or MariaDB server of their own, from Debian's
# packages (installed if missing), listening on 127.0.0.1 only, its data in a directory the caller owns, stopped by
# loopback_db_stop. It never touches a system cluster or the system's configuration. Runs as root: the server runs
# as its package's user (postgres, mysql).
#
#   loopback_db_start postgres|mariadb DIR PORT   # an empty database wxlogin, owned by the account wxlogin; sets
#                                                 # db_url, db_user, db_password and db_version
#   loopback_db_sql "SQL"                         # as the superuser, in the database wxlogin
#   loopback_db_stop                              # safe to call twice, or before a start

loopback_db_engine="" loopback_db_dir="" loopback_db_port="" loopback_db_pid=""

loopback_db_as_owner() { # command...: as the server's system user, from a directory it may enter
  local owner=postgres
  [ "$loopback_db_engine" = mariadb ] && owner=mysql
  (cd / && runuser -u "$owner" -- "$@")
}

loopback_db_pgbin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }

loopback_db_install() { # engine: installs its Debian package if the server binary is missing
  local package binary
  case $1 in
    postgres) package=postgresql binary=pg_ctlcluster ;;
    mariadb) package=mariadb-server binary=mariadbd ;;
  esac
  if command -v "$binary" >/dev/null 2>&1 || [ -x "/usr/sbin/$binary" ]; then return 0; fi
  echo "installing $package from Debian's packages (policy-rc.d or no init keeps its own server stopped)..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
}

loopback_db_start() { # engine, directory, port
  [ "$(id -u)" -eq 0 ] || { echo "$1 on loopback needs root: the server runs as its package's user" >&2; return 1; }
  loopback_db_engine=$1 loopback_db_dir=$2 loopback_db_port=$3
  loopback_db_install "$1"
  mkdir -p "$loopback_db_dir"
  chmod 711 "$(dirname "$loopback_db_dir")" # the server's user must reach its directory inside the caller's
  db_user=wxlogin
  db_password=$(openssl rand -hex 24)
  case $loopback_db_engine in
    postgres)
      local bin
      bin=$(loopback_db_pgbin)
      chown postgres: "$loopback_db_dir"
      loopback_db_as_owner "$bin/initdb" -D "$loopback_db_dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >"$loopback_db_dir/initdb.log"
      loopback_db_as_owner "$bin/pg_ctl" -D "$loopback_db_dir/data" -l "$loopback_db_dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $loopback_db_port -k $loopback_db_dir" start >/dev/null
      loopback_db_superuser -c "CREATE ROLE wxlogin LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE wxlogin OWNER wxlogin"
      db_url="jdbc:postgresql://127.0.0.1:$loopback_db_port/wxlogin"
      db_version=$(loopback_db_superuser -c "SHOW server_version")
      db_version="PostgreSQL ${db_version%% *}"
      ;;
    mariadb)
      chown mysql: "$loopback_db_dir"
      mariadb-install-db --no-defaults --user=mysql --datadir="$loopback_db_dir/data" --skip-test-db \
        --auth-root-authentication-method=socket >"$loopback_db_dir/install.log" 2>&1
      mariadbd --no-defaults --user=mysql --datadir="$loopback_db_dir/data" --bind-address=127.0.0.1 \
        --port="$loopback_db_port" --socket="$loopback_db_dir/mysqld.sock" --pid-file="$loopback_db_dir/mysqld.pid" \
        --log-error="$loopback_db_dir/server.log" >>"$loopback_db_dir/server.log" 2>&1 &
      loopback_db_pid=$!
      disown "$loopback_db_pid" # the caller's `wait` for its own children must not wait for the database too
      local tries=0
      until mariadb-admin --no-defaults -S "$loopback_db_dir/mysqld.sock" -u root ping >/dev/null 2>&1; do
        kill -0 "$loopback_db_pid" 2>/dev/null && [ $((tries += 1)) -lt 300 ] \
          || { echo "MariaDB did not start:" >&2; tail -n 20 "$loopback_db_dir/server.log" >&2; return 1; }
        sleep 0.1
      done
      loopback_db_superuser -e "CREATE DATABASE wxlogin CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
        CREATE USER 'wxlogin'@'127.0.0.1' IDENTIFIED BY '$db_password';
        GRANT ALL ON wxlogin.* TO 'wxlogin'@'127.0.0.1'"
      db_url="jdbc:mariadb://127.0.0.1:$loopback_db_port/wxlogin"
      db_version="MariaDB $(loopback_db_superuser -e "SELECT VERSION()" | cut -d- -f1)"
      ;;
    *) echo "unknown database $loopback_db_engine (postgres or mariadb)" >&2; return 1 ;;
  esac
}

loopback_db_superuser() { # client arguments...: the superuser's command-line client, over the server's socket
  case $loopback_db_engine in
    postgres) loopback_db_as_owner "$(loopback_db_pgbin)/psql" -h "$loopback_db_dir" -p "$loopback_db_port" \
                -v ON_ERROR_STOP=1 -qAt "$@" ;;
    mariadb) mariadb --no-defaults -S "$loopback_db_dir/mysqld.sock" -u root -N -B "$@" ;;
  esac
}

loopback_db_sql() { # SQL: in the database wxlogin
  case $loopback_db_engine in
    postgres) loopback_db_superuser -d wxlogin -c "$1" ;;
    mariadb) loopback_db_superuser wxlogin -e "$1" ;;
  esac
}

loopback_db_stop() {
  case $loopback_db_engine in
    postgres)
      [ -f "$loopback_db_dir/data/postmaster.pid" ] \
        && loopback_db_as_owner "$(loopback_db_pgbin)/pg_ctl" -D "$loopback_db_dir/data" -m fast -w stop >/dev/null 2>&1
      ;;
    mariadb)
      if [ -n "$loopback_db_pid" ] && kill -TERM "$loopback_db_pid" 2>/dev/null; then
        while kill -0 "$loopback_db_pid" 2>/dev/null; do sleep 0.1; done # it shuts down InnoDB cleanly first
      fi
      ;;
  esac
  loopback_db_engine="" loopback_db_pid=""
  return 0
}
