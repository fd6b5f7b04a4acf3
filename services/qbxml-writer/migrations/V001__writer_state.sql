-- One row per posting key: what QuickBooks should hold and where the writer is with it.
CREATE TABLE postings (
  posting_key     text PRIMARY KEY,
  request         text NOT NULL,          -- newest accepted posting.requested payload (JSON)
  revision        bigint NOT NULL,
  action          text NOT NULL,
  state           text NOT NULL CHECK (state IN ('pending','querying','sent','in_doubt','posted','voided','failed')),
  step            text NOT NULL,
  txn_id          text NOT NULL DEFAULT '',
  ref_number      text NOT NULL,
  edit_sequence   text NOT NULL DEFAULT '',
  external_guid   text NOT NULL,
  last_request_id text NOT NULL DEFAULT '',
  sent_revision   bigint NOT NULL DEFAULT 0,
  attempts        integer NOT NULL DEFAULT 0,   -- writes ever sent for the key
  stale_retries   integer NOT NULL DEFAULT 0,
  last_error      text NOT NULL DEFAULT '',
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX postings_last_request ON postings (last_request_id);
CREATE INDEX postings_waiting ON postings (state) WHERE state IN ('pending', 'in_doubt');

-- qb.lookup.requested being answered, and the queries each is waiting for.
CREATE TABLE lookups (
  lookup_id  text PRIMARY KEY,
  request    text NOT NULL,   -- payload JSON
  answer     text NOT NULL,   -- qb.lookup.completed payload JSON, filled as answers arrive
  completed  boolean NOT NULL DEFAULT false
);
CREATE TABLE lookup_queries (
  request_id text PRIMARY KEY,
  lookup_id  text NOT NULL REFERENCES lookups (lookup_id),
  key_field  text NOT NULL
);

-- Modified-since runs per QuickBooks list.
CREATE TABLE watermarks (
  list           text PRIMARY KEY CHECK (list IN ('customers', 'items', 'invoices')),
  watermark      text NOT NULL DEFAULT '',
  run_request_id text NOT NULL DEFAULT '',
  run_newest     text NOT NULL DEFAULT ''
);
INSERT INTO watermarks (list) VALUES ('customers'), ('items'), ('invoices');

-- QuickBooks customers as the session sync saw them (answers lookups by email).
CREATE TABLE customers (
  list_id       text PRIMARY KEY,
  full_name     text NOT NULL,
  email         text,
  is_active     boolean NOT NULL,
  time_modified text
);
CREATE INDEX customers_email ON customers (lower(email));
