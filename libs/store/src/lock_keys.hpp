#pragma once
// First key of the two-key PostgreSQL advisory locks this library takes; the second key is
// hashtext(schema). Distinct values keep migrations and outbox relays from blocking each other.
namespace ml::store::lock_keys {
inline constexpr int migrate = 0x6d6c0001;
inline constexpr int outbox_relay = 0x6d6c0002;
}  // namespace ml::store::lock_keys
