-- Webhook deliveries accepted, waiting for (or done with) the fetch of their resource_url.
CREATE TABLE notifications (
  id              bigserial PRIMARY KEY,
  resource_url    text NOT NULL UNIQUE,
  resource_type   text,
  resource_kind   text NOT NULL CHECK (resource_kind IN ('orders', 'shipments')),
  received_at     timestamptz NOT NULL DEFAULT now(),
  state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fetched', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  batch_id        text,
  finished_at     timestamptz
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE state = 'pending';

-- Webhook requests refused (wrong token, too large, malformed, URL not allowed).
CREATE TABLE rejected_webhooks (
  id           bigserial PRIMARY KEY,
  received_at  timestamptz NOT NULL DEFAULT now(),
  status       integer NOT NULL,
  reason       text NOT NULL,
  body_excerpt text NOT NULL
);

-- Order versions already published: orderId + modifyDate (nanoseconds since the epoch, UTC).
CREATE TABLE order_versions (
  order_id        bigint NOT NULL,
  modify_ns       bigint NOT NULL,
  modify_date_raw text NOT NULL,
  batch_id        text NOT NULL,
  published_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, modify_ns)
);

-- Shipment versions already published: a label or fulfilment, created and (later) voided.
CREATE TABLE shipment_versions (
  source       text NOT NULL CHECK (source IN ('label', 'fulfillment')),
  shipment_id  bigint NOT NULL,
  voided       boolean NOT NULL,
  batch_id     text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, shipment_id, voided)
);

-- Records that could not be published (unusable fields) or read (poison pages); kept for people.
CREATE TABLE skipped_records (
  id          bigserial PRIMARY KEY,
  seen_at     timestamptz NOT NULL DEFAULT now(),
  batch_id    text NOT NULL,
  record_kind text NOT NULL,
  record_id   text,
  reason      text NOT NULL
);

-- Poll watermarks per API key and stream; advanced only after a whole window is stored.
CREATE TABLE watermarks (
  api_key_id text NOT NULL,
  stream     text NOT NULL,
  watermark  timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (api_key_id, stream)
);
