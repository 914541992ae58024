#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: tools/with-postgres.sh CMD...
# Installs Debian's postgresql if its server is missing, initdb's a cluster in a temp dir, starts
# it on 127.0.0.1 (PARTITA_PG_PORT, default 55432), exports PARTITA_PG_URL (a JDBC URL) and
# PARTITA_PG_REQUIRED=1 (so the PostgreSQL tests fail rather than skip), runs CMD, and stops the
# server and removes the cluster on exit, also when CMD fails. initdb refuses root: as root the
# server runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."
server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
bin="$(server_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  kernel/apt-install.sh with-postgres postgresql
  bin="$(server_bin)"
fi
port="${PARTITA_PG_PORT:-55432}"
dir="$(mktemp -d /tmp/partita-pg.XXXXXX)"
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
"${as[@]}" "$bin/initdb" -D "$dir/data" -U partita --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir" start >/dev/null
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export PARTITA_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=partita"
export PARTITA_PG_REQUIRED=1
"$@"
