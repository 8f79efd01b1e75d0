#include <fmt/format.h>
#include <boost/json/array.hpp>

#include "analysis/keyword_stats.hpp"
#include "analysis/phrase_stats.hpp"
#include "api/authenticated.hpp"
#include "api/results_query.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

constexpr std::size_t top_keyword_count = 20;
constexpr std::size_t community_keyword_count = 5;
constexpr std::size_t top_phrase_count = 20;
constexpr std::size_t community_phrase_count = 5;
constexpr std::int64_t phrase_min_comments = 3;  // the frequency floor of a phrase

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

// The n collocations of the comments the filter selects, from counts the store keeps (docs/analysis.md).
boost::json::array top_phrases(store::ResultsRepository& results, const store::CommentFilter& filter, std::size_t n) {
  const auto counts = results.phrase_counts(filter, phrase_min_comments);
  analysis::PhraseStats stats;
  stats.add_counts(counts.comments, counts.phrases, counts.words);
  return phrases_json(stats.top(n, phrase_min_comments));
}

// Totals, sentiment, keywords, authors, activity and summaries. Keywords of the whole task are those that
// set it apart from general language; those of a community or post, those that set it apart from the rest
// of the task (both by G², docs/analysis.md).
boost::json::object compute_analytics(store::ResultsRepository& results, const store::AnalyticsFilter& filter) {
  const auto analytics = results.analytics(filter);
  const store::CommentFilter& selected = filter.comments;
  const auto whole = keyword_stats(results, {.task_id = selected.task_id});
  const bool subset = selected.group_id || selected.post_id;
  const auto top_keywords =
      subset ? keyword_stats(results, selected).top(top_keyword_count, whole) : whole.key_terms(top_keyword_count);

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
    const auto own = keyword_stats(results, {.task_id = selected.task_id, .group_id = community.community_id});
    groups.push_back(
        {{"group_id", community.community_id},
         {"name", community.name ? boost::json::value(*community.name) : boost::json::value(nullptr)},
         {"posts", community.posts},
         {"comments", community.comments},
         {"sentiment", sentiment_json(community.sentiment)},
         {"top_keywords", keywords_json(own.top(community_keyword_count, whole))},
         {"top_phrases", top_phrases(results, {.task_id = selected.task_id, .group_id = community.community_id},
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
          {"top_phrases", top_phrases(results, selected, top_phrase_count)},
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
  const auto comment_query = parse_comment_query(params, task.id, services.analyzer);
  store::AnalyticsFilter filter{.comments = {.task_id = task.id,
                                             .group_id = comment_query.filter.group_id,
                                             .post_id = comment_query.filter.post_id}};
  const auto key =
      fmt::format("{}|{}|{}", task.id, filter.comments.group_id.value_or(0), filter.comments.post_id.value_or(0));
  auto data = services.analytics_cache.get(key, data_version(task),
                                           [&] { return compute_analytics(services.store.results(), filter); });
  return http::envelope(request, 200, std::move(data));
}

}  // namespace

void add_analytics_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/analytics", authenticated(services, task_analytics, http::Cost::expensive));
}

}  // namespace vka::api
