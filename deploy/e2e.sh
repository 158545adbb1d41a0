#!/usr/bin/env bash
# The runbook (docs/operator-guide.md), end to end, on this machine: a temporary PostgreSQL database with
# an owner role and a least-privilege application role, the settings of .env.example, migrations,
# `check --deploy`, gunicorn on a free loopback port and the procrastinate worker; then a health probe
# with a foreign Host, an invitation followed and a sign-in through proxy headers, a lockout that does
# not reach another address, a job run by the worker, a backup restored with --no-owner into a new
# database with identical row counts. Everything it makes is removed at the end, whatever happens.
#
#   deploy/e2e.sh                      # uses ./.venv (make install) and postgres://postgres@127.0.0.1:5432
#   PG_ADMIN_URL=postgres://admin@db:5432/postgres SENDHUB_BIN=/opt/sendhub/venv/bin deploy/e2e.sh
set -euo pipefail

cd "$(dirname "$0")/.."
CHECKOUT=$PWD
BIN=${SENDHUB_BIN:-$CHECKOUT/.venv/bin}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_SERVER=${PG_ADMIN_URL%/*}
RUN_ID=e2e_$$_$(date +%s)
DB=sendhub_$RUN_ID
RESTORED=${DB}_restored
OWNER=sendhub_owner_$RUN_ID
APP=sendhub_app_$RUN_ID
OWNER_PASSWORD=$("$BIN/python" -c 'import secrets; print(secrets.token_hex(16))')
APP_PASSWORD=$("$BIN/python" -c 'import secrets; print(secrets.token_hex(16))')
WORK=$(mktemp -d /tmp/sendhub-e2e.XXXXXX)
HOST=send.example.test
PIDS=()

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'E2E FAILED: %s\n' "$*" >&2; exit 1; }
admin_sql() { psql "$PG_ADMIN_URL" -v ON_ERROR_STOP=1 -qtAc "$1"; }
db_sql() { psql "$PG_SERVER/$1" -v ON_ERROR_STOP=1 -qtAc "$2"; }

cleanup() {
  status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for name in "$DB" "$RESTORED"; do admin_sql "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" || true; done
  for role in "$APP" "$OWNER"; do admin_sql "DROP ROLE IF EXISTS \"$role\"" || true; done
  if [ "$status" -ne 0 ] && [ -d "$WORK" ]; then
    echo "--- gunicorn and worker logs (last lines) ---" >&2
    tail -n 30 "$WORK"/*.log >&2 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

step "Database roles: $OWNER owns the schema and runs migrations; $APP only reads and writes rows"
admin_sql "CREATE ROLE \"$OWNER\" LOGIN PASSWORD '$OWNER_PASSWORD'"
admin_sql "CREATE ROLE \"$APP\" LOGIN PASSWORD '$APP_PASSWORD'"
admin_sql "CREATE DATABASE \"$DB\" OWNER \"$OWNER\""
db_sql "$DB" "REVOKE ALL ON DATABASE \"$DB\" FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE \"$DB\" TO \"$APP\";
  REVOKE CREATE ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO \"$OWNER\";
  GRANT USAGE ON SCHEMA public TO \"$APP\";
  ALTER DEFAULT PRIVILEGES FOR ROLE \"$OWNER\" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO \"$APP\";
  ALTER DEFAULT PRIVILEGES FOR ROLE \"$OWNER\" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO \"$APP\";"
OWNER_URL=postgres://$OWNER:$OWNER_PASSWORD@${PG_SERVER#postgres://*@}/$DB
APP_URL=postgres://$APP:$APP_PASSWORD@${PG_SERVER#postgres://*@}/$DB

step "Settings: .env.example as written, then this server's values, loaded as systemd would"
PORT=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cp .env.example "$WORK/sendhub.env"
cat >>"$WORK/sendhub.env" <<EOF
SENDHUB_DATABASE_URL="$APP_URL"
SENDHUB_SECRET_KEY="$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(64))')"
SENDHUB_ALLOWED_HOSTS="$HOST"
SENDHUB_CSRF_TRUSTED_ORIGINS="https://$HOST"
SENDHUB_SITE_URL="https://$HOST"
SENDHUB_VAR_DIR="$WORK/var"
SENDHUB_EMAIL_BACKEND="outbox"
SENDHUB_LOG_FORMAT="text"
EOF
set -a
# shellcheck disable=SC1091
. "$WORK/sendhub.env"
set +a
mkdir -p "$WORK/var"
as_owner() { SENDHUB_DATABASE_URL=$OWNER_URL "$BIN/sendhub" "$@"; }

step "Migrate (as the owner), then make the audit trail append-only for the application role"
as_owner migrate --no-input -v 0
db_sql "$DB" "REVOKE UPDATE, DELETE, TRUNCATE ON core_auditevent FROM \"$APP\""
# The application role tries to give itself the rights back (PostgreSQL only warns), then to delete.
psql "$APP_URL" -qtAc "GRANT UPDATE, DELETE, TRUNCATE ON core_auditevent TO \"$APP\"" >/dev/null 2>&1 || true
if psql "$APP_URL" -qtAc "DELETE FROM core_auditevent" 2>/dev/null; then
  fail "the application role could delete from the audit trail"
fi
if psql "$APP_URL" -qtAc "TRUNCATE core_auditevent" 2>/dev/null; then
  fail "the application role could empty the audit trail"
fi

step "Static files, deploy checks, national statistics (as the application role)"
"$BIN/sendhub" collectstatic --no-input -v 0
"$BIN/sendhub" check --deploy --fail-level WARNING
"$BIN/sendhub" version
NUMBA_CACHE_DIR=$WORK/numba "$BIN/sendhub" benchmarks load | tail -n 1

step "First administrator and an invited colleague"
DJANGO_SUPERUSER_EMAIL=admin@$HOST DJANGO_SUPERUSER_PASSWORD=e2e-admin-password-not-for-production \
  DJANGO_SUPERUSER_FULL_NAME="E2E Administrator" "$BIN/sendhub" createsuperuser --no-input
"$BIN/sendhub" invite provider@$HOST --role provider --name "Pat Provider"

step "gunicorn on 127.0.0.1:$PORT and the worker"
"$BIN/gunicorn" sendhub.wsgi -b "127.0.0.1:$PORT" -w 2 --timeout 60 >"$WORK/gunicorn.log" 2>&1 &
PIDS+=($!)
"$BIN/sendhub" procrastinate worker >"$WORK/worker.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break
  sleep 0.5
done

step "Health: plain HTTP, Host 10.0.0.5, no redirect"
for path in /healthz /readyz; do
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Host: 10.0.0.5' "http://127.0.0.1:$PORT$path")
  [ "$code" = 200 ] || fail "$path answered $code to a load balancer probe"
done
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Host: $HOST" "http://127.0.0.1:$PORT/sign-in/")
[ "$code" = 301 ] || fail "a page over plain HTTP answered $code, not a redirect to https"

step "The invitation, sent by the worker, followed through the proxy headers"
for _ in $(seq 1 60); do
  LINK=$(db_sql "$DB" "SELECT substring(body from 'https://$HOST(/account/invitation/[^[:space:]]+/)') FROM voice_outboxmessage WHERE \"to\" = 'provider@$HOST'" || true)
  [ -n "$LINK" ] && break
  sleep 0.5
done
[ -n "$LINK" ] || fail "the invitation was not delivered by the worker"

# curl as the proxy would call gunicorn: Host, X-Forwarded-Proto and the client's address. The cookies
# are kept by hand (curl will not send Secure cookies over the plain-HTTP hop that the proxy makes).
browse() {  # browse CLIENT_ADDRESS JAR PATH [curl args...] -> "STATUS LOCATION"
  local address=$1 jar=$2 path=$3 code location cookie
  shift 3
  touch "$jar"
  code=$(curl -sS -D "$WORK/headers.txt" -o "$WORK/page.html" -w '%{http_code}' \
    -H "Cookie: $(paste -sd';' "$jar")" -H "Host: $HOST" -H 'X-Forwarded-Proto: https' \
    -H "X-Forwarded-For: $address" -H "Referer: https://$HOST$path" "$@" "http://127.0.0.1:$PORT$path")
  while read -r cookie; do
    grep -v "^${cookie%%=*}=" "$jar" >"$jar.new" || true
    echo "$cookie" >>"$jar.new"
    mv "$jar.new" "$jar"
  done < <(tr -d '\r' <"$WORK/headers.txt" | sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p')
  location=$(tr -d '\r' <"$WORK/headers.txt" | sed -n 's/^[Ll]ocation: *//p' | sed -E 's#^https?://[^/]+##')
  echo "$code $location"
}
csrf() { sed -n 's/.*name="csrfmiddlewaretoken" value="\([^"]*\)".*/\1/p' "$WORK/page.html" | head -1; }
PASSWORD=e2e-invited-password-$RUN_ID
JAR=$WORK/invited.jar
read -r code next < <(browse 203.0.113.10 "$JAR" "$LINK")
[ "$code" = 302 ] || fail "the invitation link answered $code"
SET_PATH=$next
read -r code _ < <(browse 203.0.113.10 "$JAR" "$SET_PATH")
[ "$code" = 200 ] || fail "the set-password page answered $code"
read -r code next < <(browse 203.0.113.10 "$JAR" "$SET_PATH" --data-urlencode "csrfmiddlewaretoken=$(csrf)" \
  --data-urlencode "new_password1=$PASSWORD" --data-urlencode "new_password2=$PASSWORD")
[ "$code" = 302 ] || fail "setting the password answered $code"

sign_in() {  # sign_in CLIENT_ADDRESS PASSWORD -> HTTP status of the POST
  local jar=$WORK/sign-in-$1.jar
  browse "$1" "$jar" /sign-in/ >/dev/null
  browse "$1" "$jar" /sign-in/ --data-urlencode "csrfmiddlewaretoken=$(csrf)" \
    --data-urlencode "username=provider@$HOST" --data-urlencode "password=$2" | cut -d' ' -f1
}
[ "$(sign_in 203.0.113.10 "$PASSWORD")" = 302 ] || fail "the invited person could not sign in"
ADDRESS=$(db_sql "$DB" "SELECT host(ip_address) || ' ' || path FROM core_auditevent WHERE action = 'accounts.password.set_by_invitation'")
[ "$ADDRESS" = "203.0.113.10 $SET_PATH" ] || fail "the audit trail says '$ADDRESS', not the client's address and path"

step "Five wrong passwords from 203.0.113.66 do not lock the user out from 198.51.100.7"
for _ in 1 2 3 4 5; do sign_in 203.0.113.66 wrong-password >/dev/null; done
[ "$(sign_in 203.0.113.66 "$PASSWORD")" = 429 ] || fail "the attacking address was not locked"
[ "$(sign_in 198.51.100.7 "$PASSWORD")" = 302 ] || fail "the user was locked out from their own address"

step "A job run by the worker"
"$BIN/sendhub" procrastinate defer voice.escalate_overdue '{"timestamp": 0}' >/dev/null
for _ in $(seq 1 60); do
  STATUS=$(db_sql "$DB" "SELECT status FROM procrastinate_jobs WHERE task_name = 'voice.escalate_overdue' ORDER BY id DESC LIMIT 1")
  [ "$STATUS" = succeeded ] && break
  sleep 0.5
done
[ "$STATUS" = succeeded ] || fail "the job is '$STATUS'"
"$BIN/sendhub" jobs health

step "Backup and restore with --no-owner into a new database (services stopped: the counts stay still)"
for pid in "${PIDS[@]}"; do kill "$pid"; done
for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
PIDS=()
pg_dump -Fc -d "$OWNER_URL" -f "$WORK/sendhub.dump"
admin_sql "CREATE DATABASE \"$RESTORED\" OWNER \"$OWNER\""
pg_restore --no-owner --role="$OWNER" --exit-on-error -d "$PG_SERVER/$RESTORED" "$WORK/sendhub.dump"
count_rows() {
  local db=$1 tables query
  tables=$(db_sql "$db" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
  query=$(for t in $tables; do printf "SELECT '%s', count(*) FROM \"%s\" UNION ALL " "$t" "$t"; done)
  db_sql "$db" "${query% UNION ALL }" | sort
}
count_rows "$DB" >"$WORK/rows-live.txt"
count_rows "$RESTORED" >"$WORK/rows-restored.txt"
diff "$WORK/rows-live.txt" "$WORK/rows-restored.txt" || fail "the restored database has different row counts"
SENDHUB_DATABASE_URL=$PG_SERVER/$RESTORED "$BIN/sendhub" check --database default >/dev/null
RIGHTS=$(db_sql "$RESTORED" "SELECT has_table_privilege('$APP', 'accounts_user', 'INSERT'),
  has_table_privilege('$APP', 'core_auditevent', 'INSERT'), has_table_privilege('$APP', 'core_auditevent', 'DELETE')")
[ "$RIGHTS" = "t|t|f" ] || fail "the restored privileges are '$RIGHTS', not the application role's rights with the audit REVOKE"
echo "$(wc -l <"$WORK/rows-live.txt") tables, identical row counts"

step "All done: the runbook works on this machine"
