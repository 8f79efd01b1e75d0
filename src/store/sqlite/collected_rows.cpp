#include "store/sqlite/collected_rows.hpp"

#include "store/json_columns.hpp"

namespace vka::store::sqlite {

void upsert_community(Connection& connection, const domain::Community& community, domain::Timestamp at) {
  connection.execute(
      "INSERT INTO communities (id, screen_name, name, is_closed, type, deactivated, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET screen_name = excluded.screen_name, "
      "name = excluded.name, is_closed = excluded.is_closed, type = excluded.type, "
      "deactivated = excluded.deactivated, updated_at = excluded.updated_at",
      community.id, community.screen_name, community.name, static_cast<int>(community.is_closed), community.type,
      community.deactivated, at);
}

void upsert_author(Connection& connection, const domain::Author& author, domain::Timestamp at) {
  connection.execute(
      "INSERT INTO authors (id, name, updated_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at",
      author.id, author.name, at);
}

void upsert_post(Connection& connection, const domain::Post& post) {
  connection.execute(
      "INSERT INTO posts (owner_id, id, date, text, likes, reposts, views, comments_count, is_pinned, from_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (owner_id, id) DO UPDATE SET "
      "date = excluded.date, text = excluded.text, likes = excluded.likes, reposts = excluded.reposts, "
      "views = excluded.views, comments_count = excluded.comments_count, is_pinned = excluded.is_pinned, "
      "from_id = excluded.from_id",
      post.owner_id, post.id, post.date, post.text, post.likes, post.reposts, post.views, post.comments_count,
      post.is_pinned, post.from_id);
}

void upsert_comment(Connection& connection, const domain::Comment& comment) {
  std::optional<std::string_view> sentiment;
  if (comment.sentiment) sentiment = domain::to_string(*comment.sentiment);
  // The stems assignment is skipped when unchanged so that a replayed page does not rewrite the
  // full-text index.
  connection.execute(
      "INSERT INTO comments (owner_id, post_id, id, parent_id, thread_root_id, from_id, date, text, likes, deleted, "
      "sentiment, sentiment_score, keywords, stems) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT (owner_id, id) DO UPDATE SET "
      "post_id = excluded.post_id, parent_id = excluded.parent_id, thread_root_id = excluded.thread_root_id, "
      "from_id = excluded.from_id, date = excluded.date, text = excluded.text, likes = excluded.likes, "
      "deleted = excluded.deleted, sentiment = excluded.sentiment, sentiment_score = excluded.sentiment_score, "
      "keywords = excluded.keywords",
      comment.owner_id, comment.post_id, comment.id, comment.parent_id, comment.thread_root_id, comment.from_id,
      comment.date, comment.text, comment.likes, comment.deleted, sentiment, comment.sentiment_score,
      encode_keywords(comment.keywords), comment.stems);
  connection.execute("UPDATE comments SET stems = ?3 WHERE owner_id = ?1 AND id = ?2 AND stems <> ?3", comment.owner_id,
                     comment.id, comment.stems);
}

}  // namespace vka::store::sqlite
