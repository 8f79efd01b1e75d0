#include <fmt/format.h>
#include <boost/json/array.hpp>

#include <charconv>
#include <optional>

#include "analysis/keyword_stats.hpp"
#include "analysis/phrase_stats.hpp"
#include "api/analytics_cache.hpp"
#include "api/authenticated.hpp"
#include "api/results_query.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "http/api_error.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

constexpr std::size_t default_top_keywords = 20;
constexpr std::size_t default_community_keywords = 5;
constexpr std::size_t max_keywords = 100;
constexpr std::size_t top_phrase_count = 20;
constexpr std::size_t community_phrase_count = 5;
constexpr std::int64_t phrase_min_comments = 3;  // the frequency floor of a phrase

// How many keywords the task (or selection) and each community list: ?keywords=N sets both.
struct KeywordLimits {
  std::size_t top = default_top_keywords;
  std::size_t per_community = default_community_keywords;
};

KeywordLimits keyword_limits(const QueryParams& params) {
  const auto text = params.get("keywords");
  if (!text || text->empty()) return {};
  std::size_t n = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (error != std::errc{} || end != text->data() + text->size() || n < 1 || n > max_keywords)
    throw http::validation_failed(fmt::format("keywords must be an integer from 1 to {}.", max_keywords),
                                  {{"keywords", fmt::format("must be an integer from 1 to {}", max_keywords)}});
  return {n, n};
}

bool selects_everything(const store::CommentFilter& f) {
  return !f.group_id && !f.post_id && !f.author_id && !f.sentiment && !f.since && !f.until && f.stems.empty() &&
         !f.min_score && !f.max_score;
}

// A community that holds every comment of its task selects the same comments as the task: its counts are the
// task's, which are then not read again.
bool holds_whole_task(const store::CommentFilter& f, std::int64_t selected_comments, std::int64_t task_comments) {
  store::CommentFilter without_community = f;
  without_community.group_id.reset();
  return selects_everything(without_community) && selected_comments == task_comments;
}

boost::json::object sentiment_json(const store::SentimentCounts& counts) {
  return {{"positive", counts.positive}, {"neutral", counts.neutral}, {"negative", counts.negative}};
}

boost::json::array keywords_json(const std::vector<analysis::KeywordCount>& keywords) {
  boost::json::array out;
  for (const auto& keyword : keywords)
    out.push_back({{"keyword", keyword.term}, {"count", keyword.count}, {"score", keyword.score}});
  return out;
}

analysis::KeywordStats keyword_stats(store::ResultsRepository& results, const store::CommentFilter& filter) {
  const auto counts = results.keyword_counts(filter);
  analysis::KeywordStats stats;
  stats.add_counts(counts.comments, counts.keywords);
  return stats;
}

boost::json::array phrases_json(const std::vector<analysis::PhraseCount>& phrases) {
  boost::json::array out;
  for (const auto& phrase : phrases)
    out.push_back({{"phrase", phrase.phrase}, {"count", phrase.count}, {"score", phrase.score}});
  return out;
}

// The collocation counts of the comments the filter selects, from counts the store keeps (docs/analysis.md).
analysis::PhraseStats phrase_stats(store::ResultsRepository& results, const store::CommentFilter& filter) {
  const auto counts = results.phrase_counts(filter, phrase_min_comments);
  analysis::PhraseStats stats;
  stats.add_counts(counts.comments, counts.phrases, counts.words);
  return stats;
}

boost::json::array top_phrases(const analysis::PhraseStats& stats, std::size_t n) {
  return phrases_json(stats.top(n, phrase_min_comments));
}

// Totals, sentiment, keywords, authors, activity and summaries. Keywords of the whole task are those that
// set it apart from general language; those of any selection (a community, a post, a sentiment, a period,
// a search…), those that set it apart from the rest of the task (both by G², docs/analysis.md).
boost::json::object compute_analytics(store::ResultsRepository& results, const store::AnalyticsFilter& filter,
                                      KeywordLimits keyword_limit) {
  const auto analytics = results.analytics(filter);
  const store::CommentFilter& selected = filter.comments;
  const auto whole = keyword_stats(results, {.task_id = selected.task_id});
  const bool everything = selects_everything(selected);
  std::optional<analysis::KeywordStats> narrower;
  if (!everything && !holds_whole_task(selected, analytics.comments, whole.documents()))
    narrower = keyword_stats(results, selected);
  const analysis::KeywordStats& selected_keywords = narrower ? *narrower : whole;
  const auto top_keywords =
      everything ? whole.key_terms(keyword_limit.top) : selected_keywords.top(keyword_limit.top, whole);
  const auto selected_phrases = phrase_stats(results, selected);

  boost::json::array authors;
  for (const auto& author : analytics.top_authors)
    authors.push_back({{"author_id", author.author_id},
                       {"name", author.name ? boost::json::value(*author.name) : boost::json::value(nullptr)},
                       {"comments", author.comments}});
  boost::json::array by_day;
  for (const auto& day : analytics.by_day)
    by_day.push_back({{"date", domain::format_rfc3339(day.day).substr(0, 10)},
                      {"comments", day.comments},
                      {"positive", day.sentiment.positive},
                      {"neutral", day.sentiment.neutral},
                      {"negative", day.sentiment.negative}});
  boost::json::array by_hour_of_week;
  for (const auto count : analytics.by_hour_of_week) by_hour_of_week.push_back(count);
  boost::json::array groups;
  for (const auto& community : analytics.communities) {
    // A community that holds every selected comment has the selection's counts, which are not read again.
    const bool holds_selection = community.comments == analytics.comments;
    std::optional<analysis::KeywordStats> own_keywords;
    std::optional<analysis::PhraseStats> own_phrases;
    if (!holds_selection) {
      store::CommentFilter in_community = selected;
      in_community.group_id = community.community_id;
      own_keywords = keyword_stats(results, in_community);
      own_phrases = phrase_stats(results, in_community);
    }
    const analysis::KeywordStats& keywords = own_keywords ? *own_keywords : selected_keywords;
    groups.push_back({{"group_id", community.community_id},
                      {"name", community.name ? boost::json::value(*community.name) : boost::json::value(nullptr)},
                      {"posts", community.posts},
                      {"comments", community.comments},
                      {"sentiment", sentiment_json(community.sentiment)},
                      {"top_keywords", keywords_json(keywords.top(keyword_limit.per_community, whole))},
                      {"top_phrases", top_phrases(own_phrases ? *own_phrases : selected_phrases,
                                                  community_phrase_count)}});
  }
  boost::json::array posts;
  for (const auto& post : analytics.posts_summary)
    posts.push_back({{"owner_id", post.owner_id},
                     {"post_id", post.post_id},
                     {"comments", post.comments},
                     {"likes", post.likes},
                     {"sentiment", sentiment_json(post.sentiment)}});
  return {{"totals",
           {{"posts", analytics.posts},
            {"comments", analytics.comments},
            {"authors", analytics.authors},
            {"comment_likes", analytics.comment_likes}}},
          {"sentiment", sentiment_json(analytics.sentiment)},
          {"top_keywords", keywords_json(top_keywords)},
          {"top_phrases", top_phrases(selected_phrases, top_phrase_count)},
          {"top_authors", std::move(authors)},
          {"activity",
           {{"by_day", std::move(by_day)},
            {"by_hour_of_week", std::move(by_hour_of_week)},
            {"hour_of_week_origin", "Monday 00:00 UTC, one slot per hour"}}},
          {"groups", std::move(groups)},
          {"posts", std::move(posts)}};
}

// Anything that changes when new data lands or the task moves on.
std::string data_version(const domain::Task& task) {
  const auto& p = task.progress;
  return fmt::format("{}:{}:{}:{}:{}", domain::to_string(task.status), p.posts_found, p.comments_collected,
                     p.groups_done, task.errors.size());
}

http::Response task_analytics(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  const QueryParams params{request};
  const store::AnalyticsFilter filter{.comments = parse_comment_filter(params, task.id, services.analyzer)};
  const auto keyword_limit = keyword_limits(params);
  if (has_unsearchable_q(params, filter.comments))
    throw http::validation_failed("q holds no searchable word.", {{"q", "must hold at least one searchable word"}});
  auto data = services.analytics_cache.get(
      analytics_cache_key(filter.comments, keyword_limit.top, keyword_limit.per_community), data_version(task),
      [&] { return compute_analytics(services.store.results(), filter, keyword_limit); });
  return http::envelope(request, 200, std::move(data));
}

}  // namespace

void add_analytics_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/analytics",
             authenticated(services, task_analytics, http::Cost::expensive).taking(analytics_query_names()));
}

}  // namespace vka::api
