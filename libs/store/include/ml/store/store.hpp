#pragma once
/// ml::store — the PostgreSQL adapter every service uses. API summary:
///
///   ConnectionPool(url, size, PoolOptions{acquire_timeout, schema}); pool.acquire() -> Lease (RAII)
///   Migration{version, name, sql}; load_migrations(dir); parse_migration_files({{file, sql}...});
///   migrate(conn, schema, migrations[, set_name]); prepare_service_schema(conn, schema, migrations)
///   inbox_claim(tx, [schema,] consumer, message_id) -> bool
///   outbox_add(tx, schema, OutboxMessage); OutboxRelay(pool, schema, publish_confirmed).relay_batch(max)
///   audit_append(tx, AuditEvent); audit_query(conn, AuditFilter)
///   process_message(pool, [schema,] consumer, message_id, apply) -> Applied | Duplicate | InDoubt
///
/// Contract, schemas and failure behaviour: docs/storage.md.
#include "ml/store/audit.hpp"
#include "ml/store/inbox.hpp"
#include "ml/store/migrations.hpp"
#include "ml/store/outbox.hpp"
#include "ml/store/pool.hpp"
#include "ml/store/process_message.hpp"
#include "ml/store/schema_name.hpp"
