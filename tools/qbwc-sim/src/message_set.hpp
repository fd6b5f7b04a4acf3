#pragma once
// ProcessRequest on one qbXML request set: validation, onError, error recovery, fault injection.
#include <chrono>
#include <functional>
#include <string_view>

#include "handlers.hpp"
#include "ml/core/log.hpp"
#include "ml/qbwc_sim/quickbooks.hpp"
#include "ml/qbwc_sim/xsd_validator.hpp"

namespace ml::qbwc_sim {

struct MessageSetEnvironment {
  Company& company;
  SessionState& session;
  const XsdValidator* validator;  ///< nullptr: only QuickBooks' own field-length checks apply.
  core::TimePoint now;
  const FaultPlan& faults;
  FaultDice& lock_dice;
  FaultDice& user_edit_dice;
  const std::function<void(std::chrono::milliseconds)>& sleep;
  core::Logger& log;
};

ProcessResult process_message_set(std::string_view request, MessageSetEnvironment& env);

}  // namespace ml::qbwc_sim
