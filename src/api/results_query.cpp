#include "api/results_query.hpp"

#include <fmt/format.h>
#include <charconv>

#include "http/api_error.hpp"

namespace vka::api {

namespace {

std::optional<std::int64_t> optional_id(const QueryParams& query, std::string_view name, bool allow_negative) {
  const auto text = query.get(name);
  if (!text || text->empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc{} || end != text->data() + text->size() || value == 0 || (!allow_negative && value < 0))
    throw http::validation_failed(
        fmt::format("{} must be a VK id.", name),
        {{std::string{name}, allow_negative ? "must be a non-zero integer" : "must be a positive integer"}});
  return value;
}

// group_id names a community: its id, or the wall's negative owner id.
std::optional<std::int64_t> group_id(const QueryParams& query) {
  const auto id = optional_id(query, "group_id", true);
  if (!id) return std::nullopt;
  return *id < 0 ? -*id : *id;
}

std::optional<domain::Timestamp> optional_time(const QueryParams& query, std::string_view name) {
  const auto text = query.get(name);
  if (!text || text->empty()) return std::nullopt;
  if (auto parsed = domain::parse_rfc3339(*text)) return parsed;
  throw http::validation_failed(fmt::format("{} must be an RFC 3339 time.", name),
                                {{std::string{name}, "must be an RFC 3339 time such as 2026-01-01T00:00:00Z"}});
}

std::optional<store::RowKey> row_key(const QueryParams& query, std::string_view scope) {
  const auto position = query.cursor(scope);
  if (!position) return std::nullopt;
  std::array<std::int64_t, 3> values{};
  if (position->size() != values.size()) throw http::validation_failed("cursor is not one this listing gave out.");
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto* number = std::get_if<std::int64_t>(&(*position)[i]);
    if (!number) throw http::validation_failed("cursor is not one this listing gave out.");
    values[i] = *number;
  }
  return store::RowKey{values[0], values[1], values[2]};
}

std::optional<double> optional_score(const QueryParams& query, std::string_view name) {
  const auto text = query.get(name);
  if (!text || text->empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc{} || end != text->data() + text->size() || !(value >= -1 && value <= 1))
    throw http::validation_failed(fmt::format("{} must be a number from -1 to 1.", name),
                                  {{std::string{name}, "must be a number from -1 to 1"}});
  return value;
}

[[noreturn]] void bad_sort(std::string_view allowed) {
  throw http::validation_failed("Unknown sort.", {{"sort", fmt::format("must be one of {}", allowed)}});
}

std::string post_scope(const store::PostQuery& query) {
  return fmt::format("posts:{}:{}", static_cast<int>(query.sort), query.descending);
}

std::string comment_scope(const store::CommentQuery& query) {
  return fmt::format("comments:{}:{}", static_cast<int>(query.sort), query.descending);
}

const std::vector<std::string> post_filter_names{"group_id", "post_id"};
const std::vector<std::string> comment_filter_names{"group_id", "post_id", "author_id", "sentiment", "q",
                                                    "since",    "until",   "min_score", "max_score"};
const std::vector<std::string> export_option_names{"what", "format", "delimiter", "bom", "tz", "sort"};

std::vector<std::string> with(std::vector<std::string> names, const std::vector<std::string>& more) {
  names.insert(names.end(), more.begin(), more.end());
  return names;
}

}  // namespace

std::vector<std::string> post_list_query_names() {
  return with(post_filter_names, {"sort", "cursor", "limit", "count"});
}

std::vector<std::string> comment_list_query_names() {
  return with(comment_filter_names, {"sort", "cursor", "limit", "count"});
}

std::vector<std::string> export_query_names() { return with(comment_filter_names, export_option_names); }

std::vector<std::string> post_export_query_names() { return with(post_filter_names, export_option_names); }

std::vector<std::string> analytics_query_names() { return with(comment_filter_names, {"keywords"}); }

store::PostQuery parse_post_query(const QueryParams& query, std::string task_id) {
  store::PostQuery parsed;
  parsed.task_id = std::move(task_id);
  parsed.group_id = group_id(query);
  parsed.post_id = optional_id(query, "post_id", false);
  const auto sort = query.get("sort").value_or("-date");
  if (sort == "date")
    parsed.sort = store::PostSortKey::date, parsed.descending = false;
  else if (sort == "-date")
    parsed.sort = store::PostSortKey::date, parsed.descending = true;
  else if (sort == "comments")
    parsed.sort = store::PostSortKey::comments, parsed.descending = true;
  else if (sort == "likes")
    parsed.sort = store::PostSortKey::likes, parsed.descending = true;
  else
    bad_sort("date, -date, comments, likes");
  parsed.limit = query.limit();
  parsed.after = row_key(query, post_scope(parsed));
  return parsed;
}

store::CommentFilter parse_comment_filter(const QueryParams& query, std::string task_id,
                                          const analysis::Analyzer& analyzer) {
  store::CommentFilter filter;
  filter.task_id = std::move(task_id);
  filter.group_id = group_id(query);
  filter.post_id = optional_id(query, "post_id", false);
  filter.author_id = optional_id(query, "author_id", true);
  if (const auto sentiment = query.get("sentiment"); sentiment && !sentiment->empty()) {
    filter.sentiment = domain::parse_sentiment(*sentiment);
    if (!filter.sentiment)
      throw http::validation_failed("Unknown sentiment.", {{"sentiment", "must be positive, neutral or negative"}});
  }
  filter.since = optional_time(query, "since");
  filter.until = optional_time(query, "until");
  if (const auto q = query.get("q")) filter.stems = analyzer.search_terms(*q);
  filter.min_score = optional_score(query, "min_score");
  filter.max_score = optional_score(query, "max_score");
  if (filter.min_score && filter.max_score && *filter.min_score > *filter.max_score)
    throw http::validation_failed("min_score must not exceed max_score.", {{"min_score", "must not exceed max_score"}});
  return filter;
}

store::CommentQuery parse_comment_query(const QueryParams& query, std::string task_id,
                                        const analysis::Analyzer& analyzer) {
  store::CommentQuery parsed;
  parsed.filter = parse_comment_filter(query, std::move(task_id), analyzer);
  const auto sort = query.get("sort").value_or("-date");
  if (sort == "date")
    parsed.sort = store::CommentSortKey::date, parsed.descending = false;
  else if (sort == "-date")
    parsed.sort = store::CommentSortKey::date, parsed.descending = true;
  else if (sort == "likes")
    parsed.sort = store::CommentSortKey::likes, parsed.descending = true;
  else if (sort == "sentiment_score")
    parsed.sort = store::CommentSortKey::score, parsed.descending = false;
  else if (sort == "-sentiment_score")
    parsed.sort = store::CommentSortKey::score, parsed.descending = true;
  else
    bad_sort("date, -date, likes, sentiment_score, -sentiment_score");
  parsed.limit = query.limit();
  parsed.after = row_key(query, comment_scope(parsed));
  return parsed;
}

bool wants_count(const QueryParams& query) {
  const auto text = query.get("count").value_or("false");
  if (text == "true") return true;
  if (text == "false") return false;
  throw http::validation_failed("count must be true or false.", {{"count", "must be true or false"}});
}

bool has_unsearchable_q(const QueryParams& query, const store::CommentFilter& parsed) {
  const auto q = query.get("q");
  return q && !q->empty() && parsed.stems.empty();
}

std::string post_cursor(const store::PostQuery& query, const store::RowKey& key) {
  return domain::encode_cursor(post_scope(query), {key.sort_value, key.owner_id, key.id});
}

std::string comment_cursor(const store::CommentQuery& query, const store::RowKey& key) {
  return domain::encode_cursor(comment_scope(query), {key.sort_value, key.owner_id, key.id});
}

}  // namespace vka::api
