#include "sim/truth.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

namespace vka::sim {

namespace json = boost::json;

namespace {

template <typename T>
json::value or_null(const std::optional<T>& value) {
  if (!value) return nullptr;
  return json::value_from(*value);
}

}  // namespace

json::object truth_json(const Dataset& dataset) {
  json::array communities;
  json::array posts;
  json::array comments;
  for (const auto& c : dataset.communities()) {
    communities.push_back(json::object{{"id", c.id},
                                       {"screen_name", c.screen_name},
                                       {"name", c.name},
                                       {"type", c.type},
                                       {"is_closed", c.is_closed},
                                       {"deactivated", or_null(c.deactivated)},
                                       {"comments_closed", c.comments_closed}});
    for (const auto& p : dataset.wall(c.id)) {
      const auto& thread = dataset.comments(p);
      posts.push_back(json::object{{"owner_id", p.owner_id},
                                   {"id", p.id},
                                   {"date", p.date},
                                   {"text", p.text},
                                   {"likes", p.likes},
                                   {"reposts", p.reposts},
                                   {"views", or_null(p.views)},
                                   {"comments_count", thread.visible_count},
                                   {"is_pinned", p.is_pinned}});
      for (const auto& m : thread.items)
        comments.push_back(json::object{{"owner_id", m.owner_id},
                                        {"post_id", m.post_id},
                                        {"id", m.id},
                                        {"parent_id", or_null(m.parent_id)},
                                        {"thread_root_id", or_null(m.thread_root_id)},
                                        {"from_id", m.from_id},
                                        {"author_name", dataset.author_name(m.from_id)},
                                        {"date", m.date},
                                        {"text", m.text},
                                        {"likes", m.likes},
                                        {"deleted", m.deleted},
                                        {"sentiment_label", to_string(m.sentiment)}});
    }
  }
  json::array users;
  for (const auto& u : dataset.users())
    users.push_back(json::object{{"id", u.id},
                                 {"first_name", u.first_name},
                                 {"last_name", u.last_name},
                                 {"deactivated", or_null(u.deactivated)}});
  return json::object{{"communities", std::move(communities)},
                      {"posts", std::move(posts)},
                      {"comments", std::move(comments)},
                      {"users", std::move(users)}};
}

}  // namespace vka::sim
