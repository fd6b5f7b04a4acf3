#include "ml/qbxml_writer/qbxml_writer.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "ml/core/ids.hpp"
#include "ml/messages/lookup.hpp"
#include "ml/messages/posting.hpp"
#include "ml/messages/qbxml.hpp"
#include "ml/service/message_consumer.hpp"
#include "ml/service/publishing.hpp"
#include "ml/store/audit.hpp"

namespace ml::qbxml_writer {
namespace {

constexpr const char* kService = "qbxml-writer";

template <class T>
T decode_or_reject(const messages::Envelope& envelope) {
  auto message = messages::decode<T>(envelope);
  if (!message) throw service::Rejection(message.error().to_string());
  return std::move(*message);
}

std::string posting_detail(const Posting& p) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const auto field = [&](const char* name, const std::string& value) {
    w.Key(name);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  };
  w.StartObject();
  field("state", to_string(p.state));
  field("step", to_string(p.step));
  w.Key("revision");
  w.Int64(p.request.revision);
  field("request_id", p.last_request_id);
  field("txn_id", p.txn_id);
  field("ref_number", p.ref_number);
  field("last_error", p.last_error);
  w.EndObject();
  return buffer.GetString();
}

}  // namespace

QbxmlWriter::QbxmlWriter(WriterOptions options, const core::Clock& clock)
    : options_(std::move(options)),
      clock_(clock),
      store_(options_.schema),
      postings_(PostingSettings{options_.company_file, options_.max_stale_retries, options_.journal},
                [] { return core::new_uuid(); }),
      lookups_(options_.company_file, [] { return core::new_uuid(); }),
      lists_(options_.company_file, options_.max_returned, [] { return core::new_uuid(); }) {}

void QbxmlWriter::apply_request(pqxx::work& tx, const messages::Envelope& envelope) const {
  if (envelope.type == messages::PostingRequested::type_name) return on_posting_requested(tx, envelope);
  if (envelope.type == messages::QbLookupRequested::type_name) return on_lookup_requested(tx, envelope);
  throw service::Rejection("qbxml-writer.requests does not take " + envelope.type);
}

void QbxmlWriter::apply_response(pqxx::work& tx, const messages::Envelope& envelope) const {
  if (envelope.type == messages::QbxmlResponse::type_name) return on_qbxml_response(tx, envelope);
  if (envelope.type == messages::QbwcSession::type_name) return on_session(tx, envelope);
  throw service::Rejection("qbxml-writer.responses does not take " + envelope.type);
}

template <class Variant>
void QbxmlWriter::publish_all(pqxx::work& tx, const messages::Envelope& cause, const std::vector<Variant>& messages) const {
  for (const auto& message : messages)
    std::visit([&](const auto& m) { service::publish(tx, options_.schema, m, service::follow(cause, clock_)); }, message);
}

void QbxmlWriter::record(pqxx::work& tx, const messages::Envelope& cause, const Posting& before,
                         const PostingDecision& decision) const {
  if (decision.posting == before && decision.messages.empty()) return;
  store_.save(tx, decision.posting);
  publish_all(tx, cause, decision.messages);
  store::audit_append(tx, {decision.posting.request.posting_key, kService,
                           std::string("posting.") + to_string(decision.posting.state), cause.header.correlation_id,
                           posting_detail(decision.posting), {}});
}

void QbxmlWriter::on_posting_requested(pqxx::work& tx, const messages::Envelope& cause) const {
  auto request = decode_or_reject<messages::PostingRequested>(cause);
  if (options_.txn_kind) request.txn_kind = *options_.txn_kind;
  const auto current = store_.posting(tx, request.posting_key);
  record(tx, cause, current.value_or(Posting{}), postings_.on_requested(current, request));
}

void QbxmlWriter::on_lookup_requested(pqxx::work& tx, const messages::Envelope& cause) const {
  const auto request = decode_or_reject<messages::QbLookupRequested>(cause);
  if (store_.lookup_known(tx, request.lookup_id)) return;
  std::vector<std::string> emails;
  for (const auto& key : request.keys)
    if (key.by == messages::LookupField::email) emails.push_back(key.value);
  const auto decision = lookups_.on_requested(request, store_.customers_by_email(tx, emails));
  store_.save(tx, decision.lookup);
  publish_all(tx, cause, decision.messages);
}

void QbxmlWriter::on_qbxml_response(pqxx::work& tx, const messages::Envelope& cause) const {
  const auto response = decode_or_reject<messages::QbxmlResponse>(cause);
  if (auto posting = store_.posting_by_request(tx, response.request_id))
    return record(tx, cause, *posting, postings_.on_response(*posting, response));
  if (auto lookup = store_.lookup_by_request(tx, response.request_id)) {
    const auto decision = lookups_.on_response(std::move(*lookup), response);
    store_.save(tx, decision.lookup);
    publish_all(tx, cause, decision.messages);
    return;
  }
  if (auto row = store_.watermark_by_request(tx, response.request_id)) {
    const auto step = lists_.on_page(std::move(*row), response);
    store_.save(tx, step.row);
    for (const auto& customer : step.customers) store_.save(tx, customer);
  }
}

void QbxmlWriter::on_session(pqxx::work& tx, const messages::Envelope& cause) const {
  const auto session = decode_or_reject<messages::QbwcSession>(cause);
  if (session.event != messages::SessionEvent::started) return;
  for (const auto& posting : store_.waiting_postings(tx))
    record(tx, cause, posting, postings_.on_session_started(posting));
  for (auto& row : store_.watermarks(tx)) {
    const auto step = lists_.start_run(std::move(row));
    store_.save(tx, step.row);
    for (const auto& request : step.requests)
      service::publish(tx, options_.schema, request, service::follow(cause, clock_));
  }
}

}  // namespace ml::qbxml_writer
