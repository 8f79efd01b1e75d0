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

class CollectionTest : public StoreTest {
 protected:
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
