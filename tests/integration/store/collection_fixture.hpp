#pragma once
// A store with a task whose job is leased, and builders for collected rows.
#include <chrono>
#include <string>
#include <vector>

#include "store_fixture.hpp"

namespace vka::store::testing {

inline domain::Post make_post(std::int64_t owner_id, std::int64_t id, std::int64_t date,
                              std::int64_t comments_count = 0, std::int64_t likes = 0) {
  domain::Post post;
  post.owner_id = owner_id;
  post.id = id;
  post.from_id = owner_id;
  post.date = at(date);
  post.text = "post " + std::to_string(id);
  post.likes = likes;
  post.comments_count = comments_count;
  return post;
}

inline domain::Comment make_comment(std::int64_t owner_id, std::int64_t post_id, std::int64_t id, std::int64_t from_id,
                                    std::int64_t date, std::string stems = "", std::int64_t likes = 0) {
  domain::Comment comment;
  comment.owner_id = owner_id;
  comment.post_id = post_id;
  comment.id = id;
  comment.from_id = from_id;
  comment.date = at(date);
  comment.text = "comment " + std::to_string(id);
  comment.likes = likes;
  comment.stems = std::move(stems);
  return comment;
}

inline domain::Community make_community(std::int64_t id) {
  return {id,
          "club" + std::to_string(id),
          "Community " + std::to_string(id),
          domain::CommunityAccess::open,
          "group",
          std::nullopt};
}

inline EventBuilder event_named(std::string type) {
  return [type](const domain::TaskProgress&) { return NewEvent{type, "{}"}; };
}

// Every table of the analytics read models kept per task and wall (task_authors and task_totals are per task).
inline constexpr const char* read_model_tables[] = {"task_owner_totals",   "task_owner_days",    "task_owner_hours",
                                                    "task_owner_keywords", "task_owner_authors", "task_owner_phrases",
                                                    "task_owner_phrase_words"};

class CollectionTest : public StoreTest {
 protected:
  // Every read-model row of the task, and the totals of every post, as text in a fixed order.
  std::string snapshot(const std::string& task_id) {
    std::string out;
    for (const char* table : read_model_tables) {
      const std::string t(table);
      out += t + ": " +
             joined("SELECT owner_id || '|' || " + row_text(t) + " FROM " + t + " WHERE task_id = '" + task_id +
                    "' ORDER BY 1") +
             "\n";
    }
    out += "task_authors: " +
           joined("SELECT from_id || '|' || comments FROM task_authors WHERE task_id = '" + task_id + "' ORDER BY 1") +
           "\n";
    out += "task_totals: " +
           joined("SELECT COALESCE(SUM(authors), 0) FROM task_totals WHERE task_id = '" + task_id + "'") + "\n";
    out += "post_totals: " +
           joined(
               "SELECT owner_id || '|' || post_id || '|' || comments || '|' || positive || '|' || neutral || "
               "'|' || negative || '|' || unlabelled FROM post_totals ORDER BY 1");
    return out;
  }

  // The snapshot, then the same after recomputing the task from its comments: they must be equal.
  void expect_rebuild_changes_nothing(const std::string& task_id) {
    const std::string kept = snapshot(task_id);
    store_->results().rebuild_analytics(task_id);
    EXPECT_EQ(kept, snapshot(task_id));
  }

  static std::string row_text(const std::string& table) {
    if (table == "task_owner_totals")
      return "comments || '|' || likes || '|' || positive || '|' || neutral || '|' || negative || '|' || unlabelled || "
             "'|' || authors";
    if (table == "task_owner_days")
      return "day || '|' || comments || '|' || positive || '|' || neutral || '|' || negative || '|' || unlabelled";
    if (table == "task_owner_hours") return "hour || '|' || comments";
    if (table == "task_owner_keywords") return "keyword || '|' || comments";
    if (table == "task_owner_phrases") return "phrase || '|' || comments";
    if (table == "task_owner_phrase_words") return "word || '|' || comments";
    return "from_id || '|' || comments";
  }

  // Creates the task (which enqueues its job) and leases that job.
  LeaseToken start_task(const std::string& task_id, std::int64_t created = 100) {
    create(make_task(task_id, "alice", created));
    const auto job = store_->jobs().lease("worker-" + task_id, at(created), std::chrono::seconds(30));
    if (!job || job->task_id != task_id) throw std::runtime_error("the task's job was not leased");
    return job->token();
  }

  WriteResult link(const LeaseToken& lease, const std::string& task_id, std::vector<std::int64_t> community_ids) {
    CommunitiesWrite write{task_id, {}, {}, event_named("group.resolved"), at(101)};
    for (std::int64_t id : community_ids)
      write.links.push_back({make_community(id), LinkStatus::pending, std::nullopt});
    return store_->collection().link_communities(lease, write);
  }

  WriteResult posts(const LeaseToken& lease, const std::string& task_id, std::optional<std::int64_t> community,
                    std::vector<domain::Post> page, bool done = false, std::optional<std::string> checkpoint = {}) {
    PostsPageWrite write;
    write.task_id = task_id;
    write.community_id = community;
    write.posts = std::move(page);
    for (const domain::Post& p : write.posts)
      if (p.from_id) write.authors.push_back({*p.from_id, "author " + std::to_string(*p.from_id)});
    write.checkpoint_json = std::move(checkpoint);
    write.community_done = done;
    write.event = event_named("post.collected");
    write.at = at(102);
    return store_->collection().write_posts(lease, write);
  }

  WriteResult comments(const LeaseToken& lease, const std::string& task_id, std::int64_t owner_id, std::int64_t post_id,
                       std::vector<domain::Comment> page, bool done = false,
                       std::optional<std::string> checkpoint = {}) {
    CommentsPageWrite write;
    write.task_id = task_id;
    write.owner_id = owner_id;
    write.post_id = post_id;
    write.comments = std::move(page);
    for (const domain::Comment& c : write.comments)
      write.authors.push_back({c.from_id, "user " + std::to_string(c.from_id)});
    write.checkpoint_json = std::move(checkpoint);
    write.post_done = done;
    write.event = event_named("comments.ingested");
    write.at = at(103);
    return store_->collection().write_comments(lease, write);
  }
};

}  // namespace vka::store::testing
