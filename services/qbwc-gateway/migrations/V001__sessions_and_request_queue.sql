CREATE TABLE sessions (
  ticket             text PRIMARY KEY,
  user_name          text NOT NULL,
  state              text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'ended')),
  company_file       text,
  qbxml_version      text,
  started_at         timestamptz NOT NULL,
  expires_at         timestamptz NOT NULL,
  ended_at           timestamptz,
  end_reason         text,
  last_error         text,
  sets_sent          integer NOT NULL DEFAULT 0,
  requests_sent      bigint NOT NULL DEFAULT 0,
  responses_received bigint NOT NULL DEFAULT 0,
  in_doubt           bigint NOT NULL DEFAULT 0
);
CREATE INDEX sessions_open_expiry ON sessions (expires_at) WHERE state = 'open';

-- One row per request element to send; an iterator's Continue pages are further rows of the same
-- request_id (page 1, 2, ...) bound to the session the iterator lives in.
CREATE TABLE requests (
  row_id         bigserial PRIMARY KEY,
  request_id     text NOT NULL,
  page           integer NOT NULL DEFAULT 0,
  company_file   text NOT NULL DEFAULT '',
  priority       integer NOT NULL,
  depends_on     text,
  kind           text NOT NULL CHECK (kind IN ('query', 'write')),
  request_xml    text NOT NULL,
  posting_key    text,
  correlation_id text NOT NULL,
  causation_id   text NOT NULL,
  state          text NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'sent', 'answered', 'in_doubt', 'dropped')),
  session_ticket text,
  sent_ticket    text,
  sent_set       integer,
  attempts       integer NOT NULL DEFAULT 0,
  enqueued_at    timestamptz NOT NULL,
  sent_at        timestamptz,
  settled_at     timestamptz,
  UNIQUE (request_id, page)
);
CREATE INDEX requests_pending ON requests (priority, row_id) WHERE state = 'pending';
CREATE INDEX requests_sent ON requests (sent_ticket, sent_set) WHERE state = 'sent';
CREATE INDEX requests_answered ON requests (request_id) WHERE state = 'answered';
