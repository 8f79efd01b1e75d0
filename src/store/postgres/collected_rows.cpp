#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "store/json_columns.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/dialect.hpp"

namespace vka::store::postgres {

namespace {

// The last of the rows sharing a key, in key order. One statement may not update a row twice, and taking
// row locks in key order keeps concurrent pages from deadlocking.
template <class Row, class Key>
std::vector<const Row*> latest_by_key(const std::vector<Row>& rows, Key key) {
  std::map<decltype(key(rows.front())), const Row*> by_key;
  for (const Row& row : rows) by_key[key(row)] = &row;
  std::vector<const Row*> latest;
  latest.reserve(by_key.size());
  for (const auto& entry : by_key) latest.push_back(entry.second);
  return latest;
}

std::pair<std::int64_t, std::int64_t> post_key(const domain::Post& post) { return {post.owner_id, post.id}; }

}  // namespace

void Dialect::upsert_authors(Connection& connection, const std::vector<domain::Author>& authors, domain::Timestamp at) {
  if (authors.empty()) return;
  std::vector<std::int64_t> ids;
  std::vector<std::string> names;
  for (const domain::Author* author : latest_by_key(authors, [](const domain::Author& a) { return a.id; })) {
    ids.push_back(author->id);
    names.push_back(author->name);
  }
  connection.execute_later(
      "INSERT INTO authors (id, name, updated_at) SELECT u.id, u.name, ?3 FROM unnest(?1::int8[], ?2::text[]) "
      "AS u(id, name) ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at "
      "WHERE authors.name IS DISTINCT FROM excluded.name",
      ids, names, at);
}

void Dialect::upsert_posts(Connection& connection, const std::vector<domain::Post>& posts, domain::Timestamp seen_at) {
  if (posts.empty()) return;
  std::vector<std::int64_t> owner_ids, ids, dates, likes, reposts, comments_counts;
  std::vector<std::optional<std::int64_t>> views, from_ids;
  std::vector<std::string> texts;
  std::vector<bool> pinned;
  for (const domain::Post* post : latest_by_key(posts, post_key)) {
    owner_ids.push_back(post->owner_id);
    ids.push_back(post->id);
    dates.push_back(domain::to_unix(post->date));
    texts.push_back(post->text);
    likes.push_back(post->likes);
    reposts.push_back(post->reposts);
    views.push_back(post->views);
    comments_counts.push_back(post->comments_count);
    pinned.push_back(post->is_pinned);
    from_ids.push_back(post->from_id);
  }
  connection.execute(
      "INSERT INTO posts (owner_id, id, date, text, likes, reposts, views, comments_count, is_pinned, from_id, "
      "first_seen_at, last_seen_at) "
      "SELECT u.*, ?11::int8, ?11::int8 FROM unnest(?1::int8[], ?2::int8[], ?3::int8[], ?4::text[], ?5::int8[], "
      "?6::int8[], "
      "?7::int8[], ?8::int8[], ?9::bool[], ?10::int8[]) AS u "
      "ON CONFLICT (owner_id, id) DO UPDATE SET date = excluded.date, text = excluded.text, likes = excluded.likes, "
      "reposts = excluded.reposts, views = excluded.views, comments_count = excluded.comments_count, "
      "is_pinned = excluded.is_pinned, from_id = excluded.from_id, last_seen_at = excluded.last_seen_at "
      "WHERE (posts.date, posts.text, posts.likes, posts.reposts, posts.views, posts.comments_count, posts.is_pinned, "
      "posts.from_id, posts.last_seen_at) IS DISTINCT FROM (excluded.date, excluded.text, excluded.likes, "
      "excluded.reposts, excluded.views, excluded.comments_count, excluded.is_pinned, excluded.from_id, "
      "excluded.last_seen_at)",
      owner_ids, ids, dates, texts, likes, reposts, views, comments_counts, pinned, from_ids, seen_at);
}

namespace {

// The comments table's columns of the last copy of each comment, as arrays for unnest.
struct CommentColumns {
  std::vector<std::int64_t> owner_ids, post_ids, ids, from_ids, dates, likes;
  std::vector<std::optional<std::int64_t>> parent_ids, thread_root_ids;
  std::vector<std::string> texts, keywords, stems, phrases;
  std::vector<bool> deleted;
  std::vector<std::optional<std::string>> sentiments;
  std::vector<std::optional<double>> scores;

  explicit CommentColumns(const std::vector<domain::Comment>& comments) {
    const auto key = [](const domain::Comment& c) { return std::pair{c.owner_id, c.id}; };
    for (const domain::Comment* comment : latest_by_key(comments, key)) {
      owner_ids.push_back(comment->owner_id);
      post_ids.push_back(comment->post_id);
      ids.push_back(comment->id);
      parent_ids.push_back(comment->parent_id);
      thread_root_ids.push_back(comment->thread_root_id);
      from_ids.push_back(comment->from_id);
      dates.push_back(domain::to_unix(comment->date));
      texts.push_back(comment->text);
      likes.push_back(comment->likes);
      deleted.push_back(comment->deleted);
      sentiments.push_back(comment->sentiment ? std::optional<std::string>(domain::to_string(*comment->sentiment))
                                              : std::nullopt);
      scores.push_back(comment->sentiment_score);
      keywords.push_back(encode_keywords(comment->keywords));
      stems.push_back(comment->stems);
      phrases.push_back(encode_phrases(comment->phrases));
    }
  }

  // Calls run with the arrays as parameters ?1…?15 and seen_at as ?16 of insert_comments.
  template <class Run>
  auto bind(domain::Timestamp seen_at, Run run) const {
    return run(owner_ids, post_ids, ids, parent_ids, thread_root_ids, from_ids, dates, texts, likes, deleted, sentiments,
               scores, keywords, stems, phrases, seen_at);
  }
};

const std::string insert_comments =
    "INSERT INTO comments (owner_id, post_id, id, parent_id, thread_root_id, from_id, date, text, likes, deleted, "
    "sentiment, sentiment_score, keywords, stems, phrases, first_seen_at, last_seen_at) "
    "SELECT u.*, ?16::int8, ?16::int8 FROM unnest(?1::int8[], ?2::int8[], ?3::int8[], ?4::int8[], ?5::int8[], "
    "?6::int8[], ?7::int8[], ?8::text[], ?9::int8[], ?10::bool[], ?11::text[], ?12::float8[], ?13::text[], "
    "?14::text[], ?15::text[]) AS u ";

}  // namespace

std::set<std::int64_t> Dialect::insert_new_comments(Connection& connection,
                                                    const std::vector<domain::Comment>& comments,
                                                    domain::Timestamp seen_at) {
  std::set<std::int64_t> inserted;
  if (comments.empty()) return inserted;
  auto rows = CommentColumns(comments).bind(seen_at, [&](const auto&... params) {
    return connection.query(insert_comments + "ON CONFLICT (owner_id, id) DO NOTHING RETURNING id", params...);
  });
  while (rows.next()) inserted.insert(rows.int64(0));
  return inserted;
}

void Dialect::upsert_comments(Connection& connection, const std::vector<domain::Comment>& comments,
                              domain::Timestamp seen_at) {
  if (comments.empty()) return;
  CommentColumns(comments).bind(seen_at, [&](const auto&... params) {
    connection.execute_later(
        insert_comments +
            "ON CONFLICT (owner_id, id) DO UPDATE SET post_id = excluded.post_id, parent_id = excluded.parent_id, "
            "thread_root_id = excluded.thread_root_id, from_id = excluded.from_id, date = excluded.date, "
            "text = excluded.text, likes = excluded.likes, deleted = excluded.deleted, sentiment = excluded.sentiment, "
            "sentiment_score = excluded.sentiment_score, keywords = excluded.keywords, stems = excluded.stems, "
            "phrases = excluded.phrases, last_seen_at = excluded.last_seen_at "
            "WHERE (comments.post_id, comments.parent_id, comments.thread_root_id, comments.from_id, comments.date, "
            "comments.text, comments.likes, comments.deleted, comments.sentiment, comments.sentiment_score, "
            "comments.keywords, comments.stems, comments.phrases, comments.last_seen_at) IS DISTINCT FROM "
            "(excluded.post_id, excluded.parent_id, excluded.thread_root_id, excluded.from_id, excluded.date, "
            "excluded.text, excluded.likes, excluded.deleted, excluded.sentiment, excluded.sentiment_score, "
            "excluded.keywords, excluded.stems, excluded.phrases, excluded.last_seen_at)",
        params...);
  });
}

std::vector<std::pair<std::int64_t, std::int64_t>> Dialect::link_posts(Connection& connection, std::string_view task_id,
                                                                       const std::vector<domain::Post>& posts,
                                                                       domain::TaskProgress& counted) {
  std::vector<std::pair<std::int64_t, std::int64_t>> linked_posts;
  if (posts.empty()) return linked_posts;
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> comments_count;
  std::vector<std::int64_t> owner_ids, post_ids;
  for (const domain::Post* post : latest_by_key(posts, post_key)) {
    owner_ids.push_back(post->owner_id);
    post_ids.push_back(post->id);
    comments_count[post_key(*post)] = post->comments_count;
  }
  Rows linked = connection.query(
      "INSERT INTO task_posts (task_id, owner_id, post_id) SELECT ?1, u.owner_id, u.post_id "
      "FROM unnest(?2::int8[], ?3::int8[]) AS u(owner_id, post_id) ON CONFLICT DO NOTHING RETURNING owner_id, post_id",
      task_id, owner_ids, post_ids);
  while (linked.next()) {
    const std::pair<std::int64_t, std::int64_t> key{linked.int64(0), linked.int64(1)};
    ++counted.posts_found;
    counted.comments_expected += std::max<std::int64_t>(comments_count[key], 0);
    linked_posts.push_back(key);
  }
  return linked_posts;
}

}  // namespace vka::store::postgres
