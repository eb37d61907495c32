#!/usr/bin/env bash
# Start (or reuse) a throw-away PostgreSQL server for the gitgrant test suite.
#
#   bash .ci/postgres.sh            # install if needed, init if needed, start if needed
#   bash .ci/postgres.sh --stop     # stop the server (the data directory is kept)
#   bash .ci/postgres.sh --destroy  # stop the server and delete the data directory
#
# - Installs PostgreSQL from the Debian packages (apt-get) only when `initdb`/`pg_ctl` are missing.
# - The cluster lives in $GITGRANT_PG_DIR (default /tmp/gitgrant-pg-$PORT), owned by the `postgres`
#   OS user when run as root (initdb refuses to run as root), by the current user otherwise.
# - It listens on 127.0.0.1:$GITGRANT_PG_PORT (default 54329) only, plus a Unix socket inside the
#   data directory; local socket connections use trust, TCP connections need SCRAM-SHA-256.
# - A superuser role `gitgrant_admin` with a random password (kept in the data directory, stable
#   across reruns) is created; its URL is written to .tmp/pg-url (mode 0600) at the repository root,
#   printed on stdout, and appended to $GITHUB_ENV as GITGRANT_TEST_PG_URL when running in Actions.
# - Re-runnable: an already running server is reused; a stopped one is started again.
# No network access except apt-get when PostgreSQL has to be installed.
set -euo pipefail

PORT="${GITGRANT_PG_PORT:-54329}"
DATA="${GITGRANT_PG_DIR:-/tmp/gitgrant-pg-${PORT}}"
ADMIN_ROLE="gitgrant_admin"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
URL_FILE="${REPO_ROOT}/.tmp/pg-url"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

find_bindir() {
  local d
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  # Debian keeps the server binaries out of PATH: /usr/lib/postgresql/<major>/bin
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$d" && -x "$d/pg_ctl" && -x "$d/initdb" ]]; then
    printf '%s\n' "$d"
    return 0
  fi
  return 1
}

BINDIR="$(find_bindir || true)"
if [[ -z "$BINDIR" ]]; then
  [[ "${1:-}" == "--stop" || "${1:-}" == "--destroy" ]] && { log "PostgreSQL is not installed; nothing to stop"; exit 0; }
  [[ "$(id -u)" == "0" ]] || die "PostgreSQL is not installed and this is not root: install the 'postgresql' package"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is not available"
  log "installing PostgreSQL from the Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  BINDIR="$(find_bindir)" || die "PostgreSQL was installed but pg_ctl/initdb were not found"
fi

# Run a command as the cluster owner.
if [[ "$(id -u)" == "0" ]]; then
  if ! id postgres >/dev/null 2>&1; then
    log "creating the postgres OS user"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  OWNER="postgres"
  as_owner() {
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

PG_CTL="$BINDIR/pg_ctl"
PSQL="$BINDIR/psql"
[[ -x "$PSQL" ]] || PSQL="$(command -v psql || true)"
[[ -n "$PSQL" ]] || die "psql not found"

is_running() { as_owner "$PG_CTL" -D "$DATA" status >/dev/null 2>&1; }

case "${1:-}" in
  --stop)
    if [[ -f "$DATA/PG_VERSION" ]] && is_running; then as_owner "$PG_CTL" -D "$DATA" -m fast -w stop >&2; fi
    exit 0 ;;
  --destroy)
    if [[ -f "$DATA/PG_VERSION" ]] && is_running; then as_owner "$PG_CTL" -D "$DATA" -m fast -w stop >&2; fi
    rm -rf -- "$DATA" "$URL_FILE"
    exit 0 ;;
  "") ;;
  *) die "unknown argument: $1 (expected nothing, --stop or --destroy)" ;;
esac

PWFILE="$DATA/gitgrant-admin-password"

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "initialising a new cluster in $DATA"
  if [[ -e "$DATA" ]] && [[ -n "$(ls -A "$DATA" 2>/dev/null)" ]]; then
    die "$DATA exists, is not empty and is not a PostgreSQL data directory; set GITGRANT_PG_DIR or remove it"
  fi
  mkdir -p "$DATA"
  chown "$OWNER" "$DATA"
  chmod 0700 "$DATA"
  # initdb needs a password file for the bootstrap superuser when TCP uses SCRAM.
  boot_pw="$(mktemp "${TMPDIR:-/tmp}/gitgrant-pg-boot.XXXXXX")"
  head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$boot_pw"
  chown "$OWNER" "$boot_pw"
  chmod 0600 "$boot_pw"
  as_owner "$BINDIR/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$boot_pw" >/dev/null
  rm -f -- "$boot_pw"
  # Loopback only: no other host line than 127.0.0.1/32 and ::1/128 (initdb's defaults, rewritten
  # here so the file says exactly what is allowed).
  as_owner sh -c "cat > '$DATA/pg_hba.conf'" <<'EOF'
# gitgrant test cluster: Unix socket trusted (owner only: the socket lives in the 0700 data dir),
# loopback TCP with SCRAM passwords, nothing else.
local   all   all                  trust
host    all   all   127.0.0.1/32   scram-sha-256
host    all   all   ::1/128        scram-sha-256
EOF
  as_owner sh -c "cat >> '$DATA/postgresql.conf'" <<EOF

# --- gitgrant test cluster ---
listen_addresses = '127.0.0.1'
port = ${PORT}
unix_socket_directories = '${DATA}'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
log_min_messages = warning
EOF
fi

if is_running; then
  log "reusing the server already running from $DATA"
else
  log "starting PostgreSQL on 127.0.0.1:${PORT}"
  if ! as_owner "$PG_CTL" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null; then
    tail -n 30 "$DATA/server.log" >&2 || true
    die "PostgreSQL did not start (is port ${PORT} already in use? set GITGRANT_PG_PORT)"
  fi
fi

# The admin password: created once, kept with the cluster so reruns give the same URL.
if [[ ! -s "$PWFILE" ]]; then
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$PWFILE"
  chown "$OWNER" "$PWFILE"
  chmod 0600 "$PWFILE"
fi
ADMIN_PW="$(cat "$PWFILE")"
[[ "$ADMIN_PW" =~ ^[0-9a-f]+$ ]] || die "$PWFILE is corrupt; run: bash .ci/postgres.sh --destroy"

# Create or update the test superuser over the Unix socket (trust). The password is hex, so it
# can be embedded in the SQL literal safely.
as_owner "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$DATA" -p "$PORT" -U postgres -d postgres >/dev/null <<EOF
SELECT format('CREATE ROLE %I LOGIN SUPERUSER', '${ADMIN_ROLE}')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ADMIN_ROLE}') \gexec
ALTER ROLE ${ADMIN_ROLE} WITH LOGIN SUPERUSER PASSWORD '${ADMIN_PW}';
EOF

URL="postgres://${ADMIN_ROLE}:${ADMIN_PW}@127.0.0.1:${PORT}/postgres"

# Check the URL really works over TCP with the password.
PGCONNECT_TIMEOUT=5 "$PSQL" -X -q -At "$URL" -c 'SELECT 1' >/dev/null \
  || die "the server runs but ${ADMIN_ROLE} cannot connect over TCP"

mkdir -p "$(dirname "$URL_FILE")"
( umask 077; printf '%s\n' "$URL" >"$URL_FILE" )
if [[ -n "${GITHUB_ENV:-}" ]]; then
  printf 'GITGRANT_TEST_PG_URL=%s\n' "$URL" >>"$GITHUB_ENV"
fi
log "ready: admin URL written to ${URL_FILE#"$REPO_ROOT"/}"
printf '%s\n' "$URL"
