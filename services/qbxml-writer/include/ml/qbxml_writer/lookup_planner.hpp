#pragma once
/// Answers qb.lookup.requested: the queries to send, and the answer once every query came back.
/// No I/O. Customers by email come from the customer list the session sync keeps (QuickBooks
/// cannot filter on email), passed in by the caller.
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "ml/messages/lookup.hpp"
#include "ml/messages/qbxml.hpp"

namespace ml::qbxml_writer {

/// A query in flight for one lookup: its request id and which keys it asks for.
struct LookupQuery {
  std::string request_id;
  messages::LookupField by = messages::LookupField::full_name;
  bool operator==(const LookupQuery&) const = default;
};

/// One row of qbxml_writer.lookups.
struct Lookup {
  messages::QbLookupRequested request;
  std::vector<LookupQuery> pending;
  messages::QbLookupCompleted answer;  ///< found so far
  bool operator==(const Lookup&) const = default;
};

using LookupMessage = std::variant<messages::QbxmlRequest, messages::QbLookupCompleted>;

struct LookupDecision {
  Lookup lookup;
  std::vector<LookupMessage> messages;
};

class LookupPlanner {
 public:
  using NewId = std::function<std::string()>;
  LookupPlanner(std::string company_file, NewId new_id);

  /// One query per kind of key (ListID, FullName); email keys are answered from `known_customers`.
  LookupDecision on_requested(const messages::QbLookupRequested& request,
                              const std::vector<messages::QbCustomer>& known_customers) const;
  /// A response to one of the lookup's queries; qb.lookup.completed once none is pending.
  LookupDecision on_response(Lookup lookup, const messages::QbxmlResponse& response) const;

 private:
  LookupDecision finish_if_done(Lookup lookup, std::vector<LookupMessage> messages) const;
  messages::QbxmlRequest query(const Lookup& lookup, LookupQuery& slot) const;

  std::string company_file_;
  NewId new_id_;
};

}  // namespace ml::qbxml_writer
