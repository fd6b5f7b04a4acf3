# Private PostgreSQL and RabbitMQ instances for tests and development.
# Sourced by scripts/test and scripts/dev-services; never touches system services.
# Inputs (environment): ML_SVC_DIR, ML_PG_PORT, ML_AMQP_PORT, ML_MGMT_PORT, ML_DIST_PORT, ML_EPMD_PORT.

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
RABBIT_BIN=/usr/lib/rabbitmq/bin

svc_log() { printf '[services] %s\n' "$*" >&2; }

rabbit_env() {
  export HOME="$ML_SVC_DIR/rabbit-home"
  export RABBITMQ_NODENAME="ml-$ML_AMQP_PORT@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$ML_AMQP_PORT"
  export RABBITMQ_DIST_PORT="$ML_DIST_PORT"
  export ERL_EPMD_PORT="$ML_EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_MNESIA_BASE="$ML_SVC_DIR/rabbit/mnesia"
  export RABBITMQ_LOG_BASE="$ML_SVC_DIR/rabbit/log"
  export RABBITMQ_CONFIG_FILE="$ML_SVC_DIR/rabbit/rabbitmq"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$ML_SVC_DIR/rabbit/enabled_plugins"
  export RABBITMQ_PID_FILE="$ML_SVC_DIR/rabbit/rabbit.pid"
}

pg_url()    { printf 'postgresql://ml@127.0.0.1:%s/ml' "$ML_PG_PORT"; }
amqp_url()  { printf 'amqp://ml:ml@127.0.0.1:%s/%%2F' "$ML_AMQP_PORT"; }
mgmt_url()  { printf 'http://127.0.0.1:%s/' "$ML_MGMT_PORT"; }

# PostgreSQL refuses to run as root; run its tools as postgres from / (the checkout may be private).
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

pg_running() { [ -f "$ML_SVC_DIR/pg/data/postmaster.pid" ] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$ML_PG_PORT"; }

pg_start() {
  local data="$ML_SVC_DIR/pg/data"
  mkdir -p "$ML_SVC_DIR/pg"
  chmod 755 "$ML_SVC_DIR"
  as_postgres test -x "$ML_SVC_DIR/pg" 2>/dev/null \
    || { svc_log "the postgres user cannot reach $ML_SVC_DIR (PostgreSQL refuses to run as root): choose ML_SVC_DIR under /tmp"; return 1; }
  chown postgres: "$ML_SVC_DIR/pg"
  if [ ! -f "$data/PG_VERSION" ]; then
    as_postgres "$PG_BIN/initdb" -D "$data" -U ml --auth=trust -E UTF8 --locale=C.UTF-8 >"$ML_SVC_DIR/pg/initdb.log" 2>&1 || { svc_log "initdb failed: $(tail -n 5 "$ML_SVC_DIR/pg/initdb.log")"; return 1; }
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $ML_PG_PORT
unix_socket_directories = '$ML_SVC_DIR/pg'
max_connections = 200
fsync = on
CONF
  fi
  if ! pg_running; then
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$ML_SVC_DIR/pg/server.log" -w -t 60 start >/dev/null \
      || { svc_log "PostgreSQL did not start; see $ML_SVC_DIR/pg/server.log"; tail -n 20 "$ML_SVC_DIR/pg/server.log" >&2; return 1; }
    "$PG_BIN/psql" -q -h 127.0.0.1 -p "$ML_PG_PORT" -U ml -d postgres -tc "SELECT 1 FROM pg_database WHERE datname='ml'" | grep -q 1 \
      || "$PG_BIN/createdb" -h 127.0.0.1 -p "$ML_PG_PORT" -U ml ml
  fi
}

pg_stop() {
  [ -f "$ML_SVC_DIR/pg/data/postmaster.pid" ] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$ML_SVC_DIR/pg/data" -m fast -w -t 60 stop >/dev/null || true
}

rabbit_running() { ( rabbit_env; "$RABBIT_BIN/rabbitmqctl" -q status >/dev/null 2>&1 ); }

rabbit_start() {
  mkdir -p "$ML_SVC_DIR/rabbit/log" "$ML_SVC_DIR/rabbit-home"
  ( rabbit_env
    printf '[rabbitmq_management].\n' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
    cat >"$RABBITMQ_CONFIG_FILE.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$ML_AMQP_PORT
management.tcp.port = $ML_MGMT_PORT
management.tcp.ip = 127.0.0.1
default_user = ml
default_pass = ml
loopback_users = none
heartbeat = 30
CONF
    rabbit_running && exit 0
    # Start epmd ourselves and wait for it: under load the node can race its own epmd start
    # and fail with "nodistribution".
    epmd -daemon -address 127.0.0.1 -port "$ML_EPMD_PORT"
    for _ in $(seq 1 50); do epmd -port "$ML_EPMD_PORT" -names >/dev/null 2>&1 && break; sleep 0.2; done
    for attempt in 1 2 3; do
      nohup "$RABBIT_BIN/rabbitmq-server" >"$ML_SVC_DIR/rabbit/server.out" 2>&1 &
      local pid=$!
      for _ in $(seq 1 120); do
        if "$RABBIT_BIN/rabbitmqctl" -q await_startup >/dev/null 2>&1; then exit 0; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      svc_log "RabbitMQ start attempt $attempt failed"
      kill "$pid" 2>/dev/null || true
    done
    svc_log "RabbitMQ did not start; see $ML_SVC_DIR/rabbit/server.out and $RABBITMQ_LOG_BASE"
    tail -n 20 "$ML_SVC_DIR/rabbit/server.out" >&2
    exit 1 )
}

rabbit_stop() {
  [ -d "$ML_SVC_DIR/rabbit" ] || return 0
  ( rabbit_env
    if rabbit_running; then "$RABBIT_BIN/rabbitmqctl" -q shutdown >/dev/null 2>&1 || true; fi
    epmd -port "$ML_EPMD_PORT" -kill >/dev/null 2>&1 || true ) || true
}

services_start() { pg_start && rabbit_start; }
services_stop()  { rabbit_stop; pg_stop; }

services_status() {
  if pg_running; then echo "PostgreSQL  up    $(pg_url)"; else echo "PostgreSQL  down"; fi
  if rabbit_running; then
    echo "RabbitMQ    up    $(amqp_url)"
    echo "Management  up    $(mgmt_url)  (user ml, password ml)"
  else echo "RabbitMQ    down"; fi
}
