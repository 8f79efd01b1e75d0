#include "api/idempotency.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>
#include <algorithm>

#include "domain/time.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

// What makes two requests "the same": method, path, media type and body bytes.
std::string request_fingerprint(const http::Request& request) {
  const std::string material =
      fmt::format("{}\n{}\n{}\n", request.method, request.path, request.headers.get("Content-Type").value_or("")) +
      request.body;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(material.data(), material.size(), digest, &size, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

http::Response replay(const store::StoredResponse& stored) {
  http::Response response;
  response.status = stored.status;
  for (const auto& [name, value] : stored.headers) response.headers.add(name, value);
  response.body = stored.body;
  response.headers.set("Idempotent-Replayed", "true");
  return response;
}

}  // namespace

bool is_valid_idempotency_key(std::string_view key) {
  return !key.empty() && key.size() <= 255 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

http::Response run_idempotently(http::Request& request, std::string_view owner,
                                store::IdempotencyRepository& repository,
                                const std::function<http::Response()>& handler) {
  const auto header = request.headers.get("Idempotency-Key");
  if (!header) return handler();
  const std::string key{*header};
  if (!is_valid_idempotency_key(key))
    throw http::validation_failed("Idempotency-Key must be 1 to 255 printable ASCII characters.",
                                  {{"Idempotency-Key", "must be 1 to 255 printable ASCII characters"}});
  const auto begun = repository.begin(owner, key, request_fingerprint(request), domain::now());
  using Outcome = store::IdempotencyBegin::Outcome;
  switch (begun.outcome) {
    case Outcome::in_flight:
      throw http::conflict("A request with this Idempotency-Key is still being processed; retry later.");
    case Outcome::mismatch:
      throw http::ApiError{422, "idempotency_key_reused",
                           "This Idempotency-Key was already used with a different request."};
    case Outcome::replay: return replay(begun.response);
    case Outcome::started: break;
  }
  http::Response response;
  try {
    response = handler();
  } catch (const http::ApiError& error) {
    if (error.status() >= 500) {
      repository.abandon(owner, key);
      throw;
    }
    response = http::error_envelope(request, error);
  } catch (...) {
    repository.abandon(owner, key);
    throw;
  }
  if (response.status >= 500 || response.stream) {
    repository.abandon(owner, key);
    return response;
  }
  repository.complete(owner, key, {response.status, response.headers.fields(), response.body});
  return response;
}

}  // namespace vka::api
