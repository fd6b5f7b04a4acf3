// HTTPS: the peer's certificate is verified against the trusted CAs and the host name, and the
// host name is sent as SNI. The server is a local TLS endpoint with a throw-away certificate.
#include <catch2/catch.hpp>

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "running_sim.hpp"

using namespace ss_test;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

/// A self-signed certificate and its key, as PEM.
struct SelfSigned {
  std::string certificate;
  std::string key;
};

std::string pem_of(const std::function<int(BIO*)>& write) {
  BIO* bio = BIO_new(BIO_s_mem());
  write(bio);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<std::size_t>(size));
  BIO_free(bio);
  return out;
}

SelfSigned self_signed(const char* dns_name) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(dns_name), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  const std::string san = std::string("DNS:") + dns_name;
  for (const auto& [nid, value] : {std::pair{NID_subject_alt_name, san}, std::pair{NID_basic_constraints, std::string("critical,CA:TRUE")}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
  }
  X509_sign(cert, key, EVP_sha256());
  SelfSigned out{pem_of([&](BIO* b) { return PEM_write_bio_X509(b, cert); }),
                 pem_of([&](BIO* b) { return PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr); })};
  X509_free(cert);
  EVP_PKEY_free(key);
  return out;
}

/// Answers one TLS connection's requests with an empty stores list; remembers the SNI it saw.
class TlsServer {
 public:
  explicit TlsServer(const SelfSigned& identity) {
    tls_.use_certificate_chain(asio::buffer(identity.certificate));
    tls_.use_private_key(asio::buffer(identity.key), asio::ssl::context::pem);
    SSL_CTX_set_tlsext_servername_callback(tls_.native_handle(), &TlsServer::on_sni);
    SSL_CTX_set_tlsext_servername_arg(tls_.native_handle(), this);
    thread_ = std::thread([this] { serve(); });
  }
  ~TlsServer() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    thread_.join();
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  std::string sni() {
    std::lock_guard lock(mutex_);
    return sni_;
  }

 private:
  static int on_sni(SSL* ssl, int*, void* self) {
    const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    std::lock_guard lock(static_cast<TlsServer*>(self)->mutex_);
    static_cast<TlsServer*>(self)->sni_ = name ? name : "";
    return SSL_TLSEXT_ERR_OK;
  }

  void serve() {
    boost::system::error_code ec;
    asio::ssl::stream<asio::ip::tcp::socket> stream(io_, tls_);
    acceptor_.accept(stream.next_layer(), ec);
    if (ec) return;
    stream.handshake(asio::ssl::stream_base::server, ec);
    boost::beast::flat_buffer buffer;
    http::request<http::string_body> request;
    while (!ec && (http::read(stream, buffer, request, ec), !ec)) {
      http::response<http::string_body> response{http::status::ok, 11};
      response.set("X-Rate-Limit-Limit", "40");
      response.set("X-Rate-Limit-Remaining", "39");
      response.set("X-Rate-Limit-Reset", "59");
      response.body() = "[]";
      response.prepare_payload();
      http::write(stream, response, ec);
    }
  }

  asio::io_context io_;
  asio::ssl::context tls_{asio::ssl::context::tls_server};
  asio::ip::tcp::acceptor acceptor_{io_, {asio::ip::make_address("127.0.0.1"), 0}};
  std::thread thread_;
  std::mutex mutex_;
  std::string sni_;
};

/// The certificate as a PEM file for ClientOptions::extra_ca_file; removed at the end.
struct CaFile {
  std::filesystem::path path;
  explicit CaFile(const std::string& pem)
      : path(std::filesystem::temp_directory_path() / ("ml-shipstation-ca-" + std::to_string(::getpid()) + ".pem")) {
    std::ofstream(path) << pem;
  }
  ~CaFile() { std::filesystem::remove(path); }
};

std::unique_ptr<ss::Client> https_client(const std::string& host, unsigned short port, const std::string& ca_file) {
  ss::ClientOptions options;
  options.base_url = "https://" + host + ":" + std::to_string(port);
  options.api_key = "tls-test";
  options.extra_ca_file = ca_file;
  options.server_retries = 0;
  options.connect_timeout = 2s;
  options.io_timeout = 2s;
  auto clock = std::make_shared<ml::core::ManualClock>(utc("2026-06-10T17:00:00Z"));
  auto limiter = std::make_shared<ss::RateLimiter>(clock, [clock](std::chrono::milliseconds d) { clock->advance(d); });
  return std::make_unique<ss::Client>(options, limiter);
}

}  // namespace

TEST_CASE("an https peer with a trusted certificate for the host is accepted and gets SNI") {
  const auto identity = self_signed("localhost");
  const CaFile ca(identity.certificate);
  TlsServer server(identity);
  auto client = https_client("localhost", server.port(), ca.path.string());
  const auto stores = client->list_stores();
  REQUIRE(stores);
  CHECK(stores->empty());
  CHECK(client->list_stores());
  CHECK(client->connections_opened() == 1);
  CHECK(server.sni() == "localhost");
}

TEST_CASE("an https peer whose certificate no trusted CA signed is refused") {
  const auto identity = self_signed("localhost");
  TlsServer server(identity);
  const auto stores = https_client("localhost", server.port(), "")->list_stores();
  REQUIRE_FALSE(stores);
  CHECK(stores.error().kind == ss::ErrorKind::transport);
  CHECK(stores.error().message.find("certificate verify failed") != std::string::npos);
}

TEST_CASE("an https peer whose certificate names another host is refused") {
  const auto identity = self_signed("ssapi.shipstation.com");
  const CaFile ca(identity.certificate);
  TlsServer server(identity);
  const auto stores = https_client("localhost", server.port(), ca.path.string())->list_stores();
  REQUIRE_FALSE(stores);
  CHECK(stores.error().kind == ss::ErrorKind::transport);
  CHECK(stores.error().message.find("TLS handshake") != std::string::npos);
}

TEST_CASE("a CA file that cannot be read stops the client at construction") {
  CHECK_THROWS_WITH(https_client("localhost", 443, "/nonexistent/ca.pem"), Catch::Contains("cannot load CA file"));
}
