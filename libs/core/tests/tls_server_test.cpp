// HttpServer with a certificate: HTTPS with TLS 1.2 or newer, nothing older, no plain HTTP.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "ml/core/http_server.hpp"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

void write_pem(const std::filesystem::path& path, const std::function<int(FILE*)>& write) {
  std::unique_ptr<FILE, decltype(&std::fclose)> file(std::fopen(path.c_str(), "w"), &std::fclose);
  REQUIRE(file);
  REQUIRE(write(file.get()) == 1);
}

/// A self-signed P-256 certificate for "localhost", valid for a day, and its key, as PEM files.
struct SelfSignedCertificate {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("ml-tls-test-" + std::to_string(::getpid()));
  ml::core::TlsFiles files{(dir / "cert.pem").string(), (dir / "key.pem").string()};

  SelfSignedCertificate() {
    std::filesystem::create_directories(dir);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"),
                                                            &EVP_PKEY_free);
    REQUIRE(key);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86400);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    REQUIRE(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0);
    write_pem(files.certificate_chain, [&](FILE* f) { return PEM_write_X509(f, cert.get()); });
    write_pem(files.private_key,
              [&](FILE* f) { return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
  }
  ~SelfSignedCertificate() { std::filesystem::remove_all(dir); }
};

/// An HttpServer on 127.0.0.1 with the certificate, serving GET /hello on its own thread.
struct TlsServer {
  SelfSignedCertificate certificate;
  net::io_context io;
  ml::core::Logger log{"tls-test", nullptr};
  std::unique_ptr<ml::core::HttpServer> server;
  std::thread thread;

  TlsServer() {
    ml::core::HttpServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.io_timeout = 5s;
    options.tls = certificate.files;
    server = std::make_unique<ml::core::HttpServer>(io, options, std::make_shared<prometheus::Registry>(), log);
    server->route(http::verb::get, "/hello", [](const ml::core::HttpRequest& request) {
      return ml::core::make_response(request, http::status::ok, "hello over tls\n");
    });
    REQUIRE(!server->start());
    thread = std::thread([this] { io.run(); });
  }
  ~TlsServer() {
    server->stop();
    io.stop();
    thread.join();
  }
  tcp::endpoint endpoint() const { return {net::ip::make_address("127.0.0.1"), server->port()}; }
};

/// A client context trusting the test certificate and speaking only `min`…`max`; security level 0
/// so that this OpenSSL build's own policy does not keep it from offering old versions.
net::ssl::context client_context(const TlsServer& server, int min, int max) {
  net::ssl::context context(net::ssl::context::tls_client);
  SSL_CTX_set_security_level(context.native_handle(), 0);
  SSL_CTX_set_cipher_list(context.native_handle(), "DEFAULT:@SECLEVEL=0");
  SSL_CTX_set_min_proto_version(context.native_handle(), min);
  SSL_CTX_set_max_proto_version(context.native_handle(), max);
  context.load_verify_file(server.certificate.files.certificate_chain);
  context.set_verify_mode(net::ssl::verify_peer);
  return context;
}

/// A client connection to the server offering only TLS `version`; `handshake` holds the outcome.
struct TlsClient {
  net::io_context io;
  net::ssl::context context;
  beast::ssl_stream<beast::tcp_stream> stream;
  beast::error_code handshake;

  TlsClient(const TlsServer& server, int version)
      : context(client_context(server, version, version)), stream(io, context) {
    beast::get_lowest_layer(stream).expires_after(5s);
    beast::get_lowest_layer(stream).connect(server.endpoint());
    stream.handshake(net::ssl::stream_base::client, handshake);
  }
};

}  // namespace

TEST_CASE("with a certificate configured the server answers HTTPS requests over TLS 1.2", "[tls]") {
  TlsServer server;
  TlsClient client(server, TLS1_2_VERSION);
  REQUIRE_FALSE(client.handshake.failed());
  CHECK(SSL_version(client.stream.native_handle()) == TLS1_2_VERSION);

  http::request<http::string_body> request{http::verb::get, "/hello", 11};
  request.set(http::field::host, "localhost");
  http::write(client.stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(client.stream, buffer, response);
  CHECK(response.result() == http::status::ok);
  CHECK(response.body() == "hello over tls\n");
}

TEST_CASE("with a certificate configured a TLS 1.1 handshake is refused with a protocol version alert", "[tls]") {
  TlsServer server;
  TlsClient client(server, TLS1_1_VERSION);
  INFO(client.handshake.message());
  REQUIRE(client.handshake.failed());
  // The server's alert, not a refusal on the client's side.
  CHECK(ERR_GET_REASON(static_cast<unsigned long>(client.handshake.value())) == SSL_R_TLSV1_ALERT_PROTOCOL_VERSION);
}

TEST_CASE("with a certificate configured a plain HTTP request gets no HTTP answer", "[tls]") {
  TlsServer server;
  net::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(5s);
  stream.connect(server.endpoint());
  http::request<http::string_body> request{http::verb::get, "/hello", 11};
  request.set(http::field::host, "localhost");
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  beast::error_code ec;
  http::read(stream, buffer, response, ec);
  CHECK(ec.failed());
}

TEST_CASE("a certificate file that cannot be read makes start fail with the reason", "[tls]") {
  net::io_context io;
  ml::core::Logger log{"tls-test", nullptr};
  ml::core::HttpServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.tls = ml::core::TlsFiles{"/nonexistent/cert.pem", "/nonexistent/key.pem"};
  ml::core::HttpServer server(io, options, std::make_shared<prometheus::Registry>(), log);
  const auto started = server.start();
  INFO(started.message());
  CHECK(static_cast<bool>(started));
}
