#include "json_edit.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ml::messages::testing {
namespace {

rapidjson::Document parsed(std::string_view json) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

std::string text(const rapidjson::Document& document) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  document.Accept(writer);
  return buffer.GetString();
}

}  // namespace

std::string without(std::string_view json, std::string_view pointer) {
  auto document = parsed(json);
  REQUIRE(rapidjson::Pointer(pointer.data(), pointer.size()).Erase(document));
  return text(document);
}

std::string with(std::string_view json, std::string_view pointer, std::string_view value) {
  auto document = parsed(json);
  auto replacement = parsed(value);
  rapidjson::Pointer(pointer.data(), pointer.size()).Set(document, replacement);
  return text(document);
}

MessageError rejection(std::string_view json) {
  const auto envelope = Envelope::parse(json);
  REQUIRE_FALSE(envelope.has_value());
  return envelope.error();
}

}  // namespace ml::messages::testing
