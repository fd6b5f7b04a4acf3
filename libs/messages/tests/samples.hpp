#pragma once
// Realistic messages of every type, shared by the tests.
#include "ml/messages/alert.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/messages/lookup.hpp"
#include "ml/messages/posting.hpp"
#include "ml/messages/qbxml.hpp"
#include "ml/messages/shipstation.hpp"

namespace ml::messages::testing {

EnvelopeHeader sample_header();

/// A message with every optional field set.
template <class T>
T full_sample();
/// A message with every optional field empty.
template <class T>
T minimal_sample();

/// The whole message (envelope + payload) as JSON text.
template <class T>
std::string message_json(const T& payload) {
  return encode(payload, sample_header()).to_json();
}

/// The full sample of T as message JSON.
template <class T>
std::string sample_json() {
  return message_json(full_sample<T>());
}

}  // namespace ml::messages::testing
