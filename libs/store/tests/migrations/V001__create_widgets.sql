CREATE TABLE widgets (
  id   bigserial PRIMARY KEY,
  name text NOT NULL
);
