#include "collect/page_writer.hpp"

#include <boost/json.hpp>

#include "domain/time.hpp"

namespace vka::collect {

namespace json = boost::json;

namespace {

store::EventBuilder event_of(std::string type, json::object payload) {
  return [type = std::move(type), payload = std::move(payload)](const domain::TaskProgress&) {
    return store::NewEvent{type, json::serialize(payload)};
  };
}

json::object error_payload(const domain::TaskError& error) {
  json::object o{{"scope", error.scope}, {"code", error.code}, {"message", error.message}};
  if (error.vk_error_code) o["vk_error_code"] = *error.vk_error_code;
  return o;
}

}  // namespace

PageWriter::PageWriter(store::Store& store, std::string task_id, store::LeaseToken lease,
                       const domain::TaskProgress& progress_at_start, vk::Clock& clock,
                       std::function<void(const domain::TaskProgress&)> on_stored)
    : store_(store),
      task_id_(std::move(task_id)),
      lease_(lease),
      clock_(clock),
      eta_(progress_at_start, clock.now()),
      on_stored_(std::move(on_stored)) {}

void PageWriter::count_requests(std::int64_t vk_requests, std::int64_t retries) {
  pending_.vk_requests += vk_requests;
  pending_.retries += retries;
}

store::RequestCounters PageWriter::take_counters() {
  store::RequestCounters counters = pending_;
  counters.eta_seconds = eta_.eta_seconds(clock_.now());
  pending_ = {};
  return counters;
}

store::WriteResult PageWriter::checked(store::WriteResult result) {
  if (result.outcome == store::WriteResult::Outcome::lease_lost) throw LeaseLost{};
  eta_.add(result.counted);
  if (on_stored_) uncommitted_.push_back(result.counted);
  return result;
}

void PageWriter::link_communities(std::vector<store::CommunityLink> links) {
  store::CommunitiesWrite write;
  write.task_id = task_id_;
  write.event = event_of("groups.linked", {{"communities", links.size()}});
  write.links = std::move(links);
  write.counters = take_counters();
  write.at = domain::now();
  checked(store_.collection().link_communities(lease_, write));
}

store::WriteResult PageWriter::write_wall(std::int64_t community_id, const std::vector<domain::Post>& posts,
                                          std::vector<domain::Author> authors, const WallCheckpoint& checkpoint,
                                          bool done, store::EventBuilder event) {
  store::PostsPageWrite write;
  write.task_id = task_id_;
  write.community_id = community_id;
  write.posts = posts;
  write.authors = std::move(authors);
  write.checkpoint_json = encode(checkpoint);
  write.community_done = done;
  write.counters = take_counters();
  write.event = std::move(event);
  write.at = domain::now();
  return checked(store_.collection().write_posts(lease_, write));
}

store::WriteResult PageWriter::save_wall(std::int64_t community_id, const std::vector<domain::Post>& posts,
                                         std::vector<domain::Author> authors, const WallCheckpoint& checkpoint,
                                         bool done) {
  return write_wall(community_id, posts, std::move(authors), checkpoint, done,
                    [community_id, done](const domain::TaskProgress& counted) {
                      return store::NewEvent{
                          "post.collected",
                          json::serialize(json::object{
                              {"community_id", community_id}, {"posts", counted.posts_found}, {"wall_done", done}})};
                    });
}

void PageWriter::save_resolved(const domain::Community& community, const WallCheckpoint& checkpoint) {
  json::object payload{{"community_id", community.id}, {"name", community.name}};
  if (community.screen_name) payload["screen_name"] = *community.screen_name;
  write_wall(community.id, {}, {}, checkpoint, false, event_of("group.resolved", std::move(payload)));
}

store::WriteResult PageWriter::save_named_posts(const std::vector<domain::Post>& posts,
                                                std::vector<domain::Author> authors) {
  store::PostsPageWrite write;
  write.task_id = task_id_;
  write.posts = posts;
  write.authors = std::move(authors);
  write.counters = take_counters();
  write.event = [](const domain::TaskProgress& counted) {
    return store::NewEvent{"post.collected", json::serialize(json::object{{"posts", counted.posts_found}})};
  };
  write.at = domain::now();
  return checked(store_.collection().write_posts(lease_, write));
}

store::WriteResult PageWriter::save_comments(std::int64_t owner_id, std::int64_t post_id,
                                             std::vector<domain::Comment> comments, std::vector<domain::Author> authors,
                                             const CommentsCheckpoint& checkpoint) {
  store::CommentsPageWrite write;
  write.task_id = task_id_;
  write.owner_id = owner_id;
  write.post_id = post_id;
  write.comments = std::move(comments);
  write.authors = std::move(authors);
  write.checkpoint_json = encode(checkpoint);
  write.post_done = checkpoint.done();
  write.counters = take_counters();
  const bool done = write.post_done;
  write.event = [owner_id, post_id, done](const domain::TaskProgress& counted) {
    return store::NewEvent{"comments.ingested", json::serialize(json::object{{"owner_id", owner_id},
                                                                             {"post_id", post_id},
                                                                             {"comments", counted.comments_collected},
                                                                             {"post_done", done}})};
  };
  write.at = domain::now();
  return checked(store_.collection().write_comments(lease_, write));
}

void PageWriter::skip_community(std::int64_t community_id, store::LinkStatus status, domain::TaskError error) {
  store::LinkFinish finish;
  finish.task_id = task_id_;
  finish.status = status;
  json::object payload = error_payload(error);
  payload["community_id"] = community_id;
  finish.event = event_of("group.skipped", std::move(payload));
  finish.error = std::move(error);
  finish.counters = take_counters();
  finish.at = domain::now();
  checked(store_.collection().finish_community(lease_, community_id, finish));
}

void PageWriter::skip_post(std::int64_t owner_id, std::int64_t post_id, store::LinkStatus status,
                           domain::TaskError error) {
  store::LinkFinish finish;
  finish.task_id = task_id_;
  finish.status = status;
  json::object payload = error_payload(error);
  payload["owner_id"] = owner_id;
  payload["post_id"] = post_id;
  finish.event = event_of("post.skipped", std::move(payload));
  finish.error = std::move(error);
  finish.counters = take_counters();
  finish.at = domain::now();
  checked(store_.collection().finish_post(lease_, owner_id, post_id, finish));
}

void PageWriter::report_committed() {
  for (const domain::TaskProgress& counted : uncommitted_) on_stored_(counted);
  uncommitted_.clear();
}

void PageWriter::flush() {
  if (pending_.vk_requests == 0 && pending_.retries == 0) return;
  const store::RequestCounters counters = take_counters();
  domain::TaskProgress delta;
  delta.vk_requests = counters.vk_requests;
  delta.retries = counters.retries;
  delta.eta_seconds = counters.eta_seconds;
  store_.tasks().add_progress(task_id_, delta, domain::now(),
                              {"task.progress", json::serialize(json::object{{"vk_requests", counters.vk_requests},
                                                                             {"retries", counters.retries}})});
}

}  // namespace vka::collect
