#pragma once
/// RabbitMQ's management HTTP API (and any plain-HTTP endpoint such as the reconciler's):
/// one request per call, Basic auth, 10-second timeout.
#include <string>

namespace ml::mlctl {

struct HttpReply {
  int status = 0;
  std::string body;
};

/// http://host[:port][/base] split; CommandError for anything else (no https: operators reach
/// the management API on the internal network or through a tunnel).
struct HttpEndpoint {
  std::string host, port, base;  ///< base without trailing slash
  static HttpEndpoint parse(const std::string& url);
};

/// One exchange; CommandError naming the URL when nothing answers.
HttpReply http_request(const HttpEndpoint& endpoint, const std::string& method, const std::string& target,
                       const std::string& body, const std::string& basic_auth,
                       const std::string& content_type = "application/json");

/// "/" → "%2F" and every other reserved character percent-encoded, for path segments.
std::string path_segment(const std::string& text);

class ManagementApi {
 public:
  ManagementApi(const std::string& url, std::string user, std::string password);
  /// Sends the request under /api; a status outside 2xx is a CommandError with RabbitMQ's reason.
  std::string call(const std::string& method, const std::string& api_path, const std::string& body = {}) const;

 private:
  HttpEndpoint endpoint_;
  std::string auth_;
};

}  // namespace ml::mlctl
