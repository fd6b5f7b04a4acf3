#pragma once
/// Tolerant parsers for ShipStation V1 JSON. Unknown fields are ignored and any field may be
/// absent or null; a value that is present but unusable is an error only where it matters
/// (record ids, money, times, envelopes), reported with its JSON pointer. Numbers are read
/// from their text, never through a double.
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/shipstation/models.hpp"

namespace ml::shipstation {

/// Where and why a document could not be used.
struct ParseError {
  std::string pointer;  ///< JSON pointer of the offending value ("" = the whole document)
  std::string message;
  /// "at /orders/3/orderId: expected an integer, got \"abc\"".
  std::string describe() const;
};

template <class T>
using Parsed = std::expected<T, ParseError>;

/// `GET /orders/{id}`: one bare order.
Parsed<Order> parse_order(std::string_view json);
/// `GET /orders`: `{orders, total, page, pages}`.
Parsed<Page<Order>> parse_orders_page(std::string_view json);
/// One bare shipment object.
Parsed<Shipment> parse_shipment(std::string_view json);
/// `GET /shipments`: `{shipments, total, page, pages}`; null entries are skipped.
Parsed<Page<Shipment>> parse_shipments_page(std::string_view json);
/// `GET /fulfillments`: `{fulfillments, total, page, pages}`.
Parsed<Page<Fulfillment>> parse_fulfillments_page(std::string_view json);
/// `GET /stores`: a bare array.
Parsed<std::vector<Store>> parse_stores(std::string_view json);
/// `GET /webhooks`: `{webhooks: [...]}`.
Parsed<std::vector<Webhook>> parse_webhooks(std::string_view json);
/// The body of a webhook delivery: `{resource_url, resource_type}`.
Parsed<WebhookPayload> parse_webhook_payload(std::string_view json);

/// The human message of an error body: `message`, `Message` and `ExceptionMessage`
/// (ASP.NET-style 500s) joined; nullopt when the body says nothing usable.
std::optional<std::string> error_body_message(std::string_view body);

}  // namespace ml::shipstation
