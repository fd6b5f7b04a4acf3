-- One row per posting key (an order, with its split parts): where it is in the state machine.
CREATE TABLE orders (
  posting_key   text PRIMARY KEY,
  state         text NOT NULL CHECK (state IN ('received','validating','needs_review','valid','posting','posted',
                                               'updating','voiding','voided','in_doubt','failed','cancelled')),
  revision      bigint NOT NULL DEFAULT 0,   -- of the last posting.requested; 0 = none sent
  last_request  text,                        -- that posting.requested payload (JSON)
  posting_state text,                        -- where that request is: posting … failed
  txn_id        text NOT NULL DEFAULT '',
  reason        text NOT NULL DEFAULT '',    -- why needs_review / failed
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_state ON orders (state);

-- The newest version of every ShipStation order, and the posting key it belongs to.
CREATE TABLE order_parts (
  order_id     bigint PRIMARY KEY,
  posting_key  text NOT NULL REFERENCES orders (posting_key),
  order_number text NOT NULL,
  store_id     bigint,
  parent_id    bigint,
  modify_date  timestamptz NOT NULL,
  modify_date_raw text NOT NULL,
  payload      text NOT NULL                 -- ss.order.changed payload (JSON)
);
CREATE INDEX order_parts_key ON order_parts (posting_key);
CREATE INDEX order_parts_number ON order_parts (order_number);

-- Labels and fulfilments; a voided one stays voided.
CREATE TABLE shipments (
  source      text NOT NULL CHECK (source IN ('label', 'fulfillment')),
  shipment_id bigint NOT NULL,
  order_id    bigint NOT NULL,
  voided      boolean NOT NULL,
  payload     text NOT NULL,                 -- ss.shipment.changed payload (JSON)
  PRIMARY KEY (source, shipment_id)
);
CREATE INDEX shipments_order ON shipments (order_id);

-- What QuickBooks told us about customers and items (qb.lookup.completed).
CREATE TABLE qb_customers (
  list_id       text PRIMARY KEY,
  full_name     text NOT NULL,
  name_key      text NOT NULL,               -- stored form, letter case folded
  email_key     text,
  is_active     boolean NOT NULL,
  time_modified text,
  refreshed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qb_customers_name ON qb_customers (name_key);
CREATE INDEX qb_customers_email ON qb_customers (email_key);
CREATE TABLE qb_items (
  list_id          text PRIMARY KEY,
  full_name        text NOT NULL,
  name_key         text NOT NULL,
  item_type        text NOT NULL,
  is_active        boolean NOT NULL,
  quantity_on_hand numeric,
  time_modified    text,
  refreshed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qb_items_name ON qb_items (name_key);
-- Keys QuickBooks answered "not found" for; cleared by revalidate.
CREATE TABLE qb_missing (
  kind        text NOT NULL CHECK (kind IN ('customer', 'item')),
  key_field   text NOT NULL CHECK (key_field IN ('list_id', 'full_name', 'email')),
  key_value   text NOT NULL,                 -- name_key / email_key form
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, key_field, key_value)
);

-- qb.lookup.requested sent, and the orders parked on each.
CREATE TABLE lookups (
  lookup_id    text PRIMARY KEY,
  kind         text NOT NULL,
  request      text NOT NULL,                -- payload (JSON)
  batch_id     text,
  requested_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX lookups_open ON lookups (kind) WHERE completed_at IS NULL;
CREATE TABLE lookup_waiters (
  lookup_id   text NOT NULL REFERENCES lookups (lookup_id),
  posting_key text NOT NULL REFERENCES orders (posting_key),
  PRIMARY KEY (lookup_id, posting_key)
);

-- The operator's matching rules.
CREATE TABLE customer_mappings (
  match_by           text NOT NULL CHECK (match_by IN ('email', 'name')),
  match_value        text NOT NULL,          -- the order's e-mail or billTo name as written
  customer_full_name text NOT NULL,
  PRIMARY KEY (match_by, match_value)
);
CREATE TABLE item_mappings (
  sku            text PRIMARY KEY,
  item_full_name text NOT NULL
);
CREATE TABLE store_customers (
  store_id           bigint PRIMARY KEY,
  customer_full_name text NOT NULL
);

-- Receipt batches reconciled against QuickBooks' on-hand quantities.
CREATE TABLE batches (
  batch_id      text PRIMARY KEY,
  order_ids     bigint[] NOT NULL,
  lookup_id     text,
  discrepancies integer,
  received_at   timestamptz NOT NULL DEFAULT now(),
  checked_at    timestamptz
);

-- Every alert.raised seen (our own and other services'), open until resolved.
CREATE TABLE alerts (
  alert_id     text PRIMARY KEY,
  kind         text NOT NULL,
  severity     text NOT NULL,
  service      text NOT NULL,
  order_number text,
  message      text NOT NULL,
  detail       jsonb NOT NULL,
  state        text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
  raised_at    timestamptz NOT NULL DEFAULT now(),
  resolved_at  timestamptz,
  resolution   text
);
CREATE INDEX alerts_open ON alerts (order_number) WHERE state = 'open';
