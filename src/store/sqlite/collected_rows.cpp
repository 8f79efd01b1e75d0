#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "store/json_columns.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/dialect.hpp"

namespace vka::store::sqlite {

namespace {

template <class T>
boost::json::value nullable(const std::optional<T>& value) {
  if (!value) return nullptr;
  return boost::json::value(*value);
}

// [[owner_id, post_id, id, parent_id, thread_root_id, from_id, date, text, likes, deleted, sentiment,
//   sentiment_score, keywords, stems, phrases], …]: the comments table's columns, in page order.
std::string comment_rows_json(const std::vector<domain::Comment>& comments) {
  boost::json::array rows;
  rows.reserve(comments.size());
  for (const domain::Comment& comment : comments) {
    std::optional<std::string_view> sentiment;
    if (comment.sentiment) sentiment = domain::to_string(*comment.sentiment);
    rows.push_back(boost::json::array{comment.owner_id, comment.post_id, comment.id, nullable(comment.parent_id),
                                      nullable(comment.thread_root_id), comment.from_id, domain::to_unix(comment.date),
                                      comment.text, comment.likes, comment.deleted, nullable(sentiment),
                                      nullable(comment.sentiment_score), encode_keywords(comment.keywords),
                                      comment.stems, encode_phrases(comment.phrases)});
  }
  return boost::json::serialize(rows);
}

}  // namespace

void Dialect::upsert_authors(Connection& connection, const std::vector<domain::Author>& authors, domain::Timestamp at) {
  for (const domain::Author& author : authors)
    connection.execute(
        "INSERT INTO authors (id, name, updated_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at "
        "WHERE authors.name IS NOT excluded.name",
        author.id, author.name, at);
}

void Dialect::upsert_posts(Connection& connection, const std::vector<domain::Post>& posts, domain::Timestamp seen_at) {
  for (const domain::Post& post : posts)
    connection.execute(
        "INSERT INTO posts (owner_id, id, date, text, likes, reposts, views, comments_count, is_pinned, from_id, "
        "first_seen_at, last_seen_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) ON CONFLICT (owner_id, id) DO UPDATE SET "
        "date = excluded.date, text = excluded.text, likes = excluded.likes, reposts = excluded.reposts, "
        "views = excluded.views, comments_count = excluded.comments_count, is_pinned = excluded.is_pinned, "
        "from_id = excluded.from_id, last_seen_at = excluded.last_seen_at",
        post.owner_id, post.id, post.date, post.text, post.likes, post.reposts, post.views, post.comments_count,
        post.is_pinned, post.from_id, seen_at);
}

void Dialect::upsert_comments(Connection& connection, const std::vector<domain::Comment>& comments,
                              domain::Timestamp seen_at) {
  if (comments.empty()) return;
  // One statement for the whole page. FTS5 writes its pending terms out as a new segment at the start of every
  // statement of the transaction, so a statement per comment gave the full-text index a segment per comment
  // (and merged them again), which was most of a page's write. A comment repeated in the page is upserted again
  // by its later copy, as the rows come in page order. The full-text index follows only stems that change
  // (migrations/sqlite/0012_fts_on_changed_stems.sql).
  connection.execute(
      "INSERT INTO comments (owner_id, post_id, id, parent_id, thread_root_id, from_id, date, text, likes, "
      "deleted, sentiment, sentiment_score, keywords, stems, phrases, first_seen_at, last_seen_at) "
      "SELECT j.*, ?2, ?2 FROM (" +
          json_rows("?1", std::vector<std::string_view>(15)) +
          ") j WHERE true "  // the WHERE tells SQLite's parser that ON CONFLICT starts the upsert
          "ON CONFLICT (owner_id, id) DO UPDATE "
          "SET post_id = excluded.post_id, parent_id = excluded.parent_id, thread_root_id = excluded.thread_root_id, "
          "from_id = excluded.from_id, date = excluded.date, text = excluded.text, likes = excluded.likes, "
          "deleted = excluded.deleted, sentiment = excluded.sentiment, sentiment_score = excluded.sentiment_score, "
          "keywords = excluded.keywords, stems = excluded.stems, phrases = excluded.phrases, "
          "last_seen_at = excluded.last_seen_at",
      comment_rows_json(comments), seen_at);
}

std::vector<std::pair<std::int64_t, std::int64_t>> Dialect::link_posts(Connection& connection, std::string_view task_id,
                                                                       const std::vector<domain::Post>& posts,
                                                                       domain::TaskProgress& counted) {
  std::vector<std::pair<std::int64_t, std::int64_t>> linked_posts;
  for (const domain::Post& post : posts) {
    const bool linked = connection.execute(
                            "INSERT INTO task_posts (task_id, owner_id, post_id) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (task_id, owner_id, post_id) DO NOTHING",
                            task_id, post.owner_id, post.id) == 1;
    if (linked) {
      ++counted.posts_found;
      counted.comments_expected += std::max<std::int64_t>(post.comments_count, 0);
      linked_posts.emplace_back(post.owner_id, post.id);
    }
  }
  return linked_posts;
}

}  // namespace vka::store::sqlite
