#pragma once
// The analytics read models (migrations/*/0003_analytics_projections.sql): kept up to date inside the
// transaction of every comments write, and recomputed from the comments on request. Instantiated for both
// engines in the .cpp, which the repositories that use them include.
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "domain/collected.hpp"
#include "store/phrase_finder.hpp"
#include "store/projection_delta.hpp"

namespace vka::store::sql {

template <class Database>
struct Projections {
  using Connection = typename Database::Connection;

  // What writing `comments` (all of one post) changes, against what is stored of them now; those whose ids are
  // in `inserted` were new and have just been stored. Call before storing the others.
  static ProjectionDelta delta_of_write(Connection& connection, std::int64_t owner_id,
                                        const std::vector<domain::Comment>& comments,
                                        const std::set<std::int64_t>& inserted);

  // Applies a change to the post's comments to every task that holds the post, and to the post's own totals.
  static void apply(Connection& connection, std::int64_t owner_id, std::int64_t post_id, const ProjectionDelta& delta);

  // Adds what the post's stored comments count for to one task, which has just come to hold the post.
  static void add_post_to_task(Connection& connection, std::string_view task_id, std::int64_t owner_id,
                               std::int64_t post_id);

  // Recomputes the task's read models, and the totals of its posts, from the stored comments; first stores the
  // phrases find_phrases (when given) finds for comments that have none yet.
  static void rebuild(Connection& connection, std::string_view task_id, const PhraseFinder& find_phrases);
};

}  // namespace vka::store::sql
