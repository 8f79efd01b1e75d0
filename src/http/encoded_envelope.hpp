#pragma once
// A 200 envelope encoded once and answered many times (a cached page): serializing, hashing for the ETag and
// gzip-compressing happen when it is made, and each answer only adds its request id.
#include <memory>
#include <string>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "http/gzip_head.hpp"
#include "http/message.hpp"

namespace vka::http {

class EncodedEnvelope {
 public:
  EncodedEnvelope(boost::json::value data, boost::json::object meta);

  // Like envelope(request, 200, data, meta); the pipeline sends the ready gzip when the client takes gzip.
  Response respond(const Request& request) const;
  // Memory held, for bounding a cache of them.
  std::size_t size_bytes() const;

 private:
  struct Parts;
  std::shared_ptr<const Parts> parts_;  // shared with answers still being sent
};

}  // namespace vka::http
