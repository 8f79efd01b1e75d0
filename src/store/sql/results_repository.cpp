#include "store/sql/results_repository.hpp"

#include <algorithm>
#include <bit>

#include "store/error.hpp"
#include "store/json_columns.hpp"
#include "store/postgres/database.hpp"
#include "store/sql/results_sql.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr int max_page = 1000;
constexpr int stream_chunk = 500;

PostRow read_post_row(const auto& row) {
  PostRow result;
  domain::Post& p = result.post;
  p.owner_id = row.int64(0);
  p.id = row.int64(1);
  p.from_id = row.opt_int64(2);
  p.date = row.time(3);
  p.text = row.text(4);
  p.likes = row.int64(5);
  p.reposts = row.int64(6);
  p.views = row.opt_int64(7);
  p.comments_count = row.int64(8);
  p.is_pinned = row.boolean(9);
  result.comments_collected = row.int64(10);
  result.community_name = row.opt_text(11);
  result.first_seen_at = row.time(13);  // 12 is the sort value
  result.last_seen_at = row.time(14);
  return result;
}

CommentRow read_comment_row(const auto& row) {
  CommentRow result;
  domain::Comment& c = result.comment;
  c.owner_id = row.int64(0);
  c.post_id = row.int64(1);
  c.id = row.int64(2);
  c.parent_id = row.opt_int64(3);
  c.thread_root_id = row.opt_int64(4);
  c.from_id = row.int64(5);
  c.date = row.time(6);
  c.text = row.text(7);
  c.likes = row.int64(8);
  c.deleted = row.boolean(9);
  if (const auto label = row.opt_text(10)) {
    c.sentiment = domain::parse_sentiment(*label);
    if (!c.sentiment) throw StoreError(StoreErrorKind::corrupt, "a stored comment has an unknown sentiment");
  }
  c.sentiment_score = row.opt_real(11);
  c.keywords = decode_keywords(row.text(12));
  c.stems = row.text(13);
  result.author_name = row.opt_text(14);
  result.community_name = row.opt_text(15);
  result.post_excerpt = row.opt_text(16);
  result.first_seen_at = row.time(18);  // 17 is the sort value
  result.last_seen_at = row.time(19);
  return result;
}

// Where each listing's columns are: owner_id is column 0 in both.
struct Layout {
  int id_column;
  int sort_column;
  bool real_sort = false;  // the sort value is a score (RowKey keeps its bits)
};
constexpr Layout post_layout{1, 12};
constexpr Layout comment_layout{2, 17};

Layout comment_layout_for(const CommentQuery& query) {
  Layout layout = comment_layout;
  layout.real_sort = query.sort == CommentSortKey::score;
  return layout;
}

// Reads up to limit + 1 rows: the extra one only says that there is a next page, which starts after the
// last row kept.
template <class Item, class Read>
std::optional<RowKey> fill_page(auto& rows, int limit, Layout layout, std::vector<Item>& items, Read read) {
  std::optional<RowKey> last;
  while (rows.next()) {
    if (static_cast<int>(items.size()) == limit) return last;
    items.push_back(read(rows));
    const std::int64_t sort_value =
        layout.real_sort ? std::bit_cast<std::int64_t>(rows.real(layout.sort_column)) : rows.int64(layout.sort_column);
    last = RowKey{sort_value, rows.int64(0), rows.int64(layout.id_column)};
  }
  return std::nullopt;
}

// Walks a listing page by page, each page in its own read snapshot.
template <class Query, class Row, class Fetch>
void stream(Query query, Fetch fetch, const std::function<bool(const Row&)>& visit) {
  query.limit = stream_chunk;
  for (;;) {
    const auto page = fetch(query);
    for (const Row& row : page.items)
      if (!visit(row)) return;
    if (!page.next) return;
    query.after = page.next;
  }
}

}  // namespace

template <class Database>
PostPage ResultsRepositoryOn<Database>::posts(const PostQuery& query) {
  using Dialect = typename Database::Dialect;
  const int limit = std::clamp(query.limit, 1, max_page);
  return database_.read([&](auto& c) {
    PostPage page;
    std::optional<std::int64_t> owner_id;
    if (query.group_id) owner_id = -*query.group_id;
    const RowKey after = query.after.value_or(RowKey{});
    auto rows = c.query(post_list_sql<Dialect>(query), owner_id, query.task_id, query.post_id, after.sort_value,
                        after.owner_id, after.id, limit + 1);
    page.next = fill_page(rows, limit, post_layout, page.items, [](const auto& row) { return read_post_row(row); });
    return page;
  });
}

template <class Database>
CommentPage ResultsRepositoryOn<Database>::comments(const CommentQuery& query) {
  using Dialect = typename Database::Dialect;
  const int limit = std::clamp(query.limit, 1, max_page);
  return database_.read([&](auto& c) {
    CommentPage page;
    const RowKey after = query.after.value_or(RowKey{});
    const Layout layout = comment_layout_for(query);
    const auto fill = [&](auto sort_value) {
      auto rows = query_comments<Dialect>(c, comment_list_sql<Dialect>(query), query.filter, sort_value, after.owner_id,
                                          after.id, limit + 1);
      page.next = fill_page(rows, limit, layout, page.items, [](const auto& row) { return read_comment_row(row); });
    };
    if (layout.real_sort)
      fill(std::bit_cast<double>(after.sort_value));
    else
      fill(after.sort_value);
    return page;
  });
}

template <class Database>
std::int64_t ResultsRepositoryOn<Database>::count_posts(const PostQuery& query) {
  return database_.read([&](auto& c) {
    std::optional<std::int64_t> owner_id;
    if (query.group_id) owner_id = -*query.group_id;
    auto rows = c.query(post_count_sql, owner_id, query.task_id, query.post_id);
    rows.next();
    return rows.int64(0);
  });
}

template <class Database>
std::int64_t ResultsRepositoryOn<Database>::count_comments(const CommentFilter& filter) {
  using Dialect = typename Database::Dialect;
  return database_.read([&](auto& c) {
    auto rows = query_comments<Dialect>(c, "SELECT COUNT(*)" + comment_filter_sql<Dialect>(filter), filter);
    rows.next();
    return rows.int64(0);
  });
}

template <class Database>
std::int64_t ResultsRepositoryOn<Database>::content_version() {
  return database_.read_statement([](auto& c) {
    auto rows = c.query("SELECT CAST(COALESCE(SUM(value), 0) AS BIGINT) FROM content_versions");
    rows.next();
    return rows.int64(0);
  });
}

template <class Database>
void ResultsRepositoryOn<Database>::for_each_post(const PostQuery& query,
                                                  const std::function<bool(const PostRow&)>& visit) {
  stream(
      query, [this](const PostQuery& q) { return posts(q); }, visit);
}

template <class Database>
void ResultsRepositoryOn<Database>::for_each_comment(const CommentQuery& query,
                                                     const std::function<bool(const CommentRow&)>& visit) {
  stream(
      query, [this](const CommentQuery& q) { return comments(q); }, visit);
}

template class ResultsRepositoryOn<sqlite::Database>;
template class ResultsRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
