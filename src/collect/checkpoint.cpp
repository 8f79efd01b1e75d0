#include "collect/checkpoint.hpp"

#include <boost/json.hpp>
#include <set>

namespace vka::collect {

namespace json = boost::json;

namespace {

struct BadCheckpoint {
  std::string problem;
};

// Reads one JSON object, refusing unknown and malformed members.
class StrictObject {
 public:
  StrictObject(const json::value& value, std::string where) : where_(std::move(where)) {
    if (!value.is_object()) throw BadCheckpoint{where_ + " is not a JSON object"};
    object_ = &value.as_object();
  }

  std::optional<std::int64_t> integer(std::string_view key, std::int64_t minimum) {
    const json::value* v = take(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (!v->is_int64() || v->as_int64() < minimum)
      throw BadCheckpoint{where_ + "." + std::string(key) + " must be an integer >= " + std::to_string(minimum)};
    return v->as_int64();
  }

  std::int64_t required_integer(std::string_view key, std::int64_t minimum) {
    auto value = integer(key, minimum);
    if (!value) throw BadCheckpoint{where_ + "." + std::string(key) + " is missing"};
    return *value;
  }

  bool boolean(std::string_view key) {
    const json::value* v = take(key);
    if (v == nullptr) return false;
    if (!v->is_bool()) throw BadCheckpoint{where_ + "." + std::string(key) + " must be true or false"};
    return v->as_bool();
  }

  const json::array* array(std::string_view key) {
    const json::value* v = take(key);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) throw BadCheckpoint{where_ + "." + std::string(key) + " must be an array"};
    return &v->as_array();
  }

  // Every member must have been read.
  void finish() const {
    for (const auto& member : *object_) {
      if (!read_.contains(std::string(member.key())))
        throw BadCheckpoint{where_ + " has an unknown member \"" + std::string(member.key()) + "\""};
    }
  }

  const std::string& where() const { return where_; }

 private:
  const json::value* take(std::string_view key) {
    read_.insert(std::string(key));
    return object_->if_contains(key);
  }

  std::string where_;
  const json::object* object_ = nullptr;
  std::set<std::string> read_;
};

template <class T, class Read>
domain::Result<T> decode(std::string_view text, Read&& read) {
  boost::system::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec) return domain::unexpected("checkpoint is not valid JSON: " + ec.message());
  try {
    return read(value);
  } catch (const BadCheckpoint& e) {
    return domain::unexpected(e.problem);
  }
}

}  // namespace

std::string encode(const WallCheckpoint& checkpoint) {
  json::object o;
  o["offset"] = checkpoint.offset;
  o["posts_seen"] = checkpoint.posts_seen;
  if (checkpoint.count) o["count"] = *checkpoint.count;
  if (!checkpoint.names.empty()) {
    json::array names;
    for (const std::string& name : checkpoint.names) names.emplace_back(name);
    o["names"] = std::move(names);
  }
  return json::serialize(o);
}

std::string encode(const CommentsCheckpoint& checkpoint) {
  json::object o;
  o["offset"] = checkpoint.offset;
  if (checkpoint.top_done) o["top_done"] = true;
  if (checkpoint.top_count) o["top_count"] = *checkpoint.top_count;
  if (!checkpoint.threads.empty()) {
    json::array threads;
    for (const ThreadCursor& t : checkpoint.threads)
      threads.emplace_back(json::object{{"comment_id", t.comment_id}, {"offset", t.offset}, {"count", t.count}});
    o["threads"] = std::move(threads);
  }
  return json::serialize(o);
}

domain::Result<WallCheckpoint> decode_wall_checkpoint(std::string_view text) {
  return decode<WallCheckpoint>(text, [](const json::value& value) {
    StrictObject o(value, "wall checkpoint");
    WallCheckpoint checkpoint;
    checkpoint.offset = o.required_integer("offset", 0);
    checkpoint.posts_seen = o.required_integer("posts_seen", 0);
    checkpoint.count = o.integer("count", 0);
    if (const json::array* names = o.array("names")) {
      for (const json::value& name : *names) {
        if (!name.is_string() || name.as_string().empty())
          throw BadCheckpoint{"wall checkpoint.names must hold non-empty strings"};
        checkpoint.names.emplace_back(name.as_string());
      }
    }
    o.finish();
    return checkpoint;
  });
}

domain::Result<CommentsCheckpoint> decode_comments_checkpoint(std::string_view text) {
  return decode<CommentsCheckpoint>(text, [](const json::value& value) {
    StrictObject o(value, "comments checkpoint");
    CommentsCheckpoint checkpoint;
    checkpoint.offset = o.required_integer("offset", 0);
    checkpoint.top_done = o.boolean("top_done");
    checkpoint.top_count = o.integer("top_count", 0);
    if (const json::array* threads = o.array("threads")) {
      for (std::size_t i = 0; i < threads->size(); ++i) {
        StrictObject t((*threads)[i], "comments checkpoint.threads[" + std::to_string(i) + "]");
        ThreadCursor cursor;
        cursor.comment_id = t.required_integer("comment_id", 1);
        cursor.offset = t.required_integer("offset", 0);
        cursor.count = t.required_integer("count", 0);
        t.finish();
        checkpoint.threads.push_back(cursor);
      }
    }
    o.finish();
    return checkpoint;
  });
}

}  // namespace vka::collect
