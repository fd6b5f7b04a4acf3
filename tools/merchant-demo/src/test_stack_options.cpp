#include "ml/merchant_demo/test_stack_options.hpp"

#include <cstdlib>

#include "ml/testing/environment.hpp"

namespace ml::merchant_demo {

StackOptions test_stack_options(const std::string& name, std::uint64_t seed, int orders) {
  StackOptions options;
  options.binary_dir = testing::binary_dir();
  options.work_dir = options.binary_dir / "artefacts" / name;
  options.pg_url = testing::pg_url();
  options.amqp_url = testing::amqp_url();
  options.rabbit_management_url = testing::rabbit_mgmt_url();
  options.name = name;
  options.seed = seed;
  options.orders = orders;
  options.keep_database = std::getenv("ML_KEEP_STACK") != nullptr;
  return options;
}

}  // namespace ml::merchant_demo
