#pragma once
// Walks every page of one list request. When a page answers 500 even after retries, the page
// size is halved over that page's range until pageSize=1 pins the record the server cannot
// render; that record is reported and every other one delivered, then paging goes on at full size.
#include <algorithm>
#include <optional>
#include <string>

#include "client_impl.hpp"
#include "ml/shipstation/parse.hpp"

namespace ml::shipstation {

template <class Record>
class PageWalk {
 public:
  using Parse = Parsed<Page<Record>> (*)(std::string_view);

  PageWalk(Client::Impl& client, Url origin, std::string list_target, Parse parse, const PageSink<Record>& sink)
      : client_(client), origin_(std::move(origin)), list_target_(std::move(list_target)), parse_(parse), sink_(sink) {}

  Result<WalkSummary> run() {
    const std::int64_t requests_before = client_.requests;
    const std::int64_t size = client_.options.page_size;
    std::int64_t pages = 1;
    for (std::int64_t page = 1; page <= pages; ++page) {
      auto fetched = fetch(page, size, client_.options.server_retries);
      if (fetched) {
        pages = fetched->pages;
        deliver(*fetched, 0, size);
      } else if (breaks_page(fetched.error())) {
        if (auto isolated = isolate((page - 1) * size, page * size, size, fetched.error()); !isolated) {
          return std::unexpected(isolated.error());
        }
        pages = total_ ? (*total_ + size - 1) / size : page;
      } else {
        return std::unexpected(fetched.error());
      }
    }
    summary_.requests = client_.requests - requests_before;
    summary_.total = total_.value_or(0);
    return std::move(summary_);
  }

 private:
  static bool breaks_page(const ClientError& error) {
    return error.kind == ErrorKind::server_error && error.status == 500;
  }

  Result<Page<Record>> fetch(std::int64_t page, std::int64_t size, int retries) {
    const char separator = list_target_.find('?') == std::string::npos ? '?' : '&';
    const std::string target =
        list_target_ + separator + "page=" + std::to_string(page) + "&pageSize=" + std::to_string(size);
    auto body = client_.send(origin_, target, retries);
    if (!body) return std::unexpected(body.error());
    auto parsed = parse_(*body);
    if (!parsed) return std::unexpected(bad_response(target, parsed.error()));
    total_ = parsed->total;
    return std::move(*parsed);
  }

  /// Hands over the page's records at indexes [from, from + count).
  void deliver(Page<Record>& page, std::int64_t from, std::int64_t count) {
    std::vector<Record> records;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(page.records.size()); ++i) {
      if (i >= from && i < from + count) records.push_back(std::move(page.records[static_cast<std::size_t>(i)]));
    }
    summary_.records += static_cast<std::int64_t>(records.size());
    if (!records.empty()) sink_(std::move(records));
  }

  /// Delivers the walk positions [begin, end), whose page of `size` failed with `failure`.
  Result<void> isolate(std::int64_t begin, std::int64_t end, std::int64_t size, const ClientError& failure) {
    if (total_) end = std::min(end, *total_);
    if (begin >= end) return {};
    if (size == 1) return poisoned(begin, failure);
    const std::int64_t half = std::max<std::int64_t>(1, size / 2);
    for (std::int64_t index = begin / half; index * half < end; ++index) {
      const std::int64_t page_start = index * half;
      const std::int64_t from = std::max(begin, page_start);
      const std::int64_t to = std::min(end, page_start + half);
      // Only single records get the usual retries; a failing bigger page is halved at once.
      auto fetched = fetch(index + 1, half, half == 1 ? client_.options.server_retries : 0);
      if (fetched) {
        deliver(*fetched, from - page_start, to - from);
      } else if (breaks_page(fetched.error())) {
        if (auto isolated = isolate(from, to, half, fetched.error()); !isolated) return isolated;
      } else {
        return std::unexpected(fetched.error());
      }
      if (total_ && to >= *total_) break;
    }
    return {};
  }

  Result<void> poisoned(std::int64_t position, const ClientError& failure) {
    summary_.poison.push_back({list_target_, position, failure.message});
    if (static_cast<int>(summary_.poison.size()) > client_.options.max_poison_per_walk) {
      return std::unexpected(ClientError{
          ErrorKind::server_error, failure.status,
          "more than " + std::to_string(client_.options.max_poison_per_walk) + " records of " + list_target_ +
              " cannot be read; the server is failing, not single records: " + failure.message});
    }
    return {};
  }

  Client::Impl& client_;
  Url origin_;
  std::string list_target_;
  Parse parse_;
  const PageSink<Record>& sink_;
  std::optional<std::int64_t> total_;
  WalkSummary summary_;
};

}  // namespace ml::shipstation
