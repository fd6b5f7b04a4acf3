#include "ml/store/migrations.hpp"

namespace ml::store {

const std::vector<Migration>& audit_migrations() {
  static const std::vector<Migration> migrations{
      {1, "create_events", R"sql(
CREATE TABLE events (
  id             bigserial   PRIMARY KEY,
  occurred_at    timestamptz NOT NULL DEFAULT now(),
  order_number   text,
  service        text        NOT NULL,
  kind           text        NOT NULL,
  correlation_id text,
  detail         jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX events_by_order_number ON events (order_number, occurred_at);
CREATE INDEX events_by_time ON events (occurred_at);
CREATE INDEX events_by_kind ON events (kind, occurred_at);

CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'audit records are never changed or removed; append a correcting event instead';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
)sql"},
  };
  return migrations;
}

const std::vector<Migration>& messaging_migrations() {
  static const std::vector<Migration> migrations{
      {1, "create_inbox_outbox", R"sql(
CREATE TABLE inbox (
  consumer    text        NOT NULL,
  message_id  text        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, message_id)
);
CREATE INDEX inbox_by_received_at ON inbox (received_at);

CREATE TABLE outbox (
  seq         bigserial   PRIMARY KEY,
  message_id  text        NOT NULL UNIQUE,
  routing_key text        NOT NULL,
  body        text        NOT NULL,
  headers     jsonb       NOT NULL DEFAULT '[]',
  created_at  timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz,
  attempts    integer     NOT NULL DEFAULT 0,
  last_error  text
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
)sql"},
  };
  return migrations;
}

}  // namespace ml::store
