#include <catch2/catch.hpp>

#include "ml/qbwc_gateway/request_batch.hpp"

using namespace ml::qbwc_gateway;
using Rows = std::vector<std::int64_t>;

TEST_CASE("requests go out by priority, then by age") {
  const std::vector<QueuedRequest> queued{{1, 5, true, 10}, {2, 0, true, 10}, {3, 5, true, 10}, {4, 0, true, 10}};
  CHECK(select_batch(queued, {}) == Rows{2, 4, 1, 3});
}

TEST_CASE("a request whose dependency is not answered stays queued") {
  const std::vector<QueuedRequest> queued{{1, 5, false, 10}, {2, 5, true, 10}};
  CHECK(select_batch(queued, {}) == Rows{2});
}

TEST_CASE("a batch stops at the configured count") {
  const std::vector<QueuedRequest> queued{{1, 5, true, 10}, {2, 5, true, 10}, {3, 5, true, 10}};
  CHECK(select_batch(queued, {2, 1000}) == Rows{1, 2});
}

TEST_CASE("a batch stops before the byte budget is exceeded") {
  const std::vector<QueuedRequest> queued{{1, 5, true, 400}, {2, 5, true, 500}, {3, 5, true, 200}};
  CHECK(select_batch(queued, {10, 1000}) == Rows{1, 2});
}

TEST_CASE("one request larger than the byte budget still goes out alone") {
  const std::vector<QueuedRequest> queued{{1, 5, true, 5000}, {2, 5, true, 10}};
  CHECK(select_batch(queued, {10, 1000}) == Rows{1});
}

TEST_CASE("nothing ready means an empty batch") {
  CHECK(select_batch({}, {}).empty());
  CHECK(select_batch({{1, 5, false, 1}}, {}).empty());
}

TEST_CASE("a message set continues on error and keeps each requestID") {
  const auto text = pack_message_set("13.0", {R"(<CustomerQueryRq requestID="a"/>)", R"(<ItemQueryRq requestID="b"/>)"});
  CHECK(text.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?qbxml version=\"13.0\"?>"));
  CHECK(text.find(R"(<QBXMLMsgsRq onError="continueOnError">)") != std::string::npos);
  CHECK(text.find(R"(<CustomerQueryRq requestID="a"/>)") < text.find(R"(<ItemQueryRq requestID="b"/>)"));
}

TEST_CASE("an iterator continues with the same request, iterator attributes replaced") {
  const auto next = continue_request(
      R"(<CustomerQueryRq requestID="r1" iterator="Start"><MaxReturned>100</MaxReturned></CustomerQueryRq>)", "{abc}");
  REQUIRE(next);
  CHECK(*next ==
        R"(<CustomerQueryRq requestID="r1" iterator="Continue" iteratorID="{abc}"><MaxReturned>100</MaxReturned></CustomerQueryRq>)");
  const auto again = continue_request(*next, "{def}");
  REQUIRE(again);
  CHECK(again->find("{abc}") == std::string::npos);
  CHECK(again->find(R"(iterator="Continue" iteratorID="{def}")") != std::string::npos);
}

TEST_CASE("a self-closing request continues as a self-closing request") {
  const auto next = continue_request(R"(<ItemQueryRq requestID="r2" iterator="Start"/>)", "{x}");
  REQUIRE(next);
  CHECK(*next == R"(<ItemQueryRq requestID="r2" iterator="Continue" iteratorID="{x}"/>)");
}

TEST_CASE("the request element must carry the request's requestID") {
  CHECK(request_id_of(R"(<ItemQueryRq requestID="r2"/>)").value() == "r2");
  CHECK_FALSE(request_id_of(R"(<ItemQueryRq/>)"));
  CHECK_FALSE(request_id_of(R"(<ItemQueryRq requestID="a"/><ItemQueryRq requestID="b"/>)"));
  CHECK_FALSE(request_id_of(R"(<ItemQueryRq requestID="a">)"));
}

TEST_CASE("response elements come back in document order") {
  const auto elements = response_elements(
      R"(<?xml version="1.0"?><QBXML><QBXMLMsgsRs><ItemQueryRs requestID="a" statusCode="1" statusSeverity="Info"/><CustomerQueryRs requestID="b" statusCode="0" statusSeverity="Info"/></QBXMLMsgsRs></QBXML>)");
  REQUIRE(elements);
  REQUIRE(elements->size() == 2);
  CHECK((*elements)[0].starts_with("<ItemQueryRs"));
  CHECK((*elements)[1].starts_with("<CustomerQueryRs"));
}

TEST_CASE("progress is the answered share, 100 only when nothing is pending") {
  CHECK(percent_done(0, 0) == 100);
  CHECK(percent_done(5, 0) == 100);
  CHECK(percent_done(1, 3) == 25);
  CHECK(percent_done(99, 1) == 99);
  CHECK(percent_done(1000, 1) == 99);
  CHECK(percent_done(0, 4) == 0);
}
