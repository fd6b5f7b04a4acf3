#pragma once
/// Stack options for a test suite (link ml::merchant_demo_testing).
#include <cstdint>
#include <string>

#include "ml/merchant_demo/stack.hpp"

namespace ml::merchant_demo {

/// A stack named `name` on the test environment's PostgreSQL and RabbitMQ (`ml::testing`), with the
/// programs of the build being tested, logs in `<build>/artefacts/<name>`, a generated month of
/// `orders` from `seed`; its database and virtual host are kept when ML_KEEP_STACK is set.
StackOptions test_stack_options(const std::string& name, std::uint64_t seed, int orders);

}  // namespace ml::merchant_demo
