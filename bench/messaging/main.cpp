// messaging_bench: our bus and store beside bare librabbitmq / libpqxx, measured in the same run.
//   messaging_bench [--amqp URL] [--pg URL] [--count N] [--batch N]
// URLs default to $ML_TEST_AMQP_URL and $ML_TEST_PG_URL.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "bench.hpp"

namespace {

std::optional<ml::bench::Settings> parse_arguments(int argc, char** argv) {
  std::string amqp = std::getenv("ML_TEST_AMQP_URL") ? std::getenv("ML_TEST_AMQP_URL") : "";
  ml::bench::Settings settings;
  settings.pg_url = std::getenv("ML_TEST_PG_URL") ? std::getenv("ML_TEST_PG_URL") : "";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--amqp") amqp = value;
    else if (flag == "--pg") settings.pg_url = value;
    else if (flag == "--count") settings.count = std::stoul(value);
    else if (flag == "--batch") settings.batch = std::stoul(value);
    else return std::nullopt;
  }
  if (argc % 2 == 0 || amqp.empty() || settings.pg_url.empty() || settings.count == 0 || settings.batch == 0)
    return std::nullopt;
  auto url = ml::bus::parse_broker_url(amqp);
  if (!url) {
    std::fprintf(stderr, "%s\n", url.error().c_str());
    return std::nullopt;
  }
  settings.amqp = *url;
  return settings;
}

void print(const std::vector<ml::bench::Figure>& figures) {
  for (const auto& figure : figures)
    std::printf("%-56s %10.0f %10.0f %7.2f  %s\n", figure.what.c_str(), figure.ours, figure.baseline,
                figure.ours / figure.baseline, figure.unit.c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const auto settings = parse_arguments(argc, argv);
  if (!settings) {
    std::fprintf(stderr,
                 "usage: messaging_bench [--amqp URL] [--pg URL] [--count N] [--batch N]\n"
                 "  URLs default to $ML_TEST_AMQP_URL and $ML_TEST_PG_URL; count defaults to 5000, batch to 100\n");
    return 2;
  }
  try {
    std::printf("messaging_bench: %zu operations per figure, broker %s, %u hardware threads\n\n", settings->count,
                settings->amqp.redacted().c_str(), std::thread::hardware_concurrency());
    std::printf("%-56s %10s %10s %7s\n", "figure", "ours", "baseline", "ratio");
    print(ml::bench::measure_amqp(*settings));
    print(ml::bench::measure_pg(*settings));
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "messaging_bench failed: %s\n", error.what());
    return 1;
  }
}
