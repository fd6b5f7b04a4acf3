// Declares ml::service::topology() into the broker and vhost of the URL given as the only
// argument, exactly as every service does at start-up: the reference the definitions test
// compares deploy/rabbitmq/definitions.json with.
#include <exception>
#include <iostream>

#include "ml/bus/connection.hpp"
#include "ml/bus/topology.hpp"
#include "ml/service/topology.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: ml-deploy-declare-topology amqp://user:password@host:port/vhost\n";
    return 2;
  }
  const auto url = ml::bus::parse_broker_url(argv[1]);
  if (!url) {
    std::cerr << "broker URL: " << url.error() << '\n';
    return 2;
  }
  try {
    auto connection = ml::bus::Connection::open(*url, {});
    ml::bus::declare(connection, ml::service::topology());
  } catch (const std::exception& e) {
    std::cerr << "declare into " << url->redacted() << ": " << e.what() << '\n';
    return 1;
  }
  return 0;
}
