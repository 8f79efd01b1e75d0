#include "http/encoded_envelope.hpp"

#include "http/envelope.hpp"
#include "http/etag.hpp"

namespace vka::http {

struct EncodedEnvelope::Parts {
  EnvelopeText text;
  std::string etag;
  GzipHead gzip;
};

EncodedEnvelope::EncodedEnvelope(boost::json::value data, boost::json::object meta) {
  auto text = envelope_text(std::move(data), std::move(meta));
  auto etag = entity_tag(text.head + text.tail);
  GzipHead gzip{text.head};
  parts_ = std::make_shared<const Parts>(Parts{std::move(text), std::move(etag), std::move(gzip)});
}

Response EncodedEnvelope::respond(const Request& request) const {
  const auto id = request_id_json(request);
  Response response;
  response.headers.set("Content-Type", std::string{json_content_type});
  response.body.reserve(parts_->text.head.size() + id.size() + parts_->text.tail.size());
  response.body.append(parts_->text.head).append(id).append(parts_->text.tail);
  response.etag = parts_->etag;
  response.gzip = [parts = parts_, ending = id + parts_->text.tail] { return parts->gzip.finish(ending); };
  return response;
}

std::size_t EncodedEnvelope::size_bytes() const {
  return sizeof(Parts) + parts_->text.head.capacity() + parts_->text.tail.capacity() + parts_->etag.capacity() +
         parts_->gzip.compressed_size();
}

}  // namespace vka::http
