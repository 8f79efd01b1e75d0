#pragma once
// The collector's writes and resume points. Every write is one transaction holding the rows, the
// checkpoint, the progress they add to the task and the domain event, fenced by the job lease: when the
// lease is lost nothing is written. Rows are upserted by VK ids, and progress counts only what is new
// for the task, so replaying a page after a crash changes nothing and counts nothing twice.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/collected.hpp"
#include "domain/task.hpp"
#include "domain/time.hpp"
#include "store/event_repository.hpp"
#include "store/lease_token.hpp"

namespace vka::store {

// Where a community or post of a task stands. done, skipped and failed are final.
enum class LinkStatus { pending, running, done, skipped, failed };

std::string_view to_string(LinkStatus status);
std::optional<LinkStatus> parse_link_status(std::string_view text);
bool is_final(LinkStatus status);

// Counters the caller measured itself (VK requests made, retries), added as given.
struct RequestCounters {
  std::int64_t vk_requests = 0;
  std::int64_t retries = 0;
  std::optional<std::int64_t> eta_seconds;  // replaces the task's estimate when set
};

// Builds the write's event from what the write counted (e.g. {"comments": 87}).
using EventBuilder = std::function<NewEvent(const domain::TaskProgress& counted)>;

struct CommunityLink {
  domain::Community community;
  LinkStatus status = LinkStatus::pending;
  std::optional<domain::TaskError> error;  // why VK refused it; recorded once per scope and code
};

struct CommunitiesWrite {
  std::string task_id;
  std::vector<CommunityLink> links;  // upserted; counted in groups_total when new to the task
  RequestCounters counters;
  EventBuilder event;
  domain::Timestamp at;
};

struct PostsPageWrite {
  std::string task_id;
  // The wall the page came from; nullopt for posts the task names one by one.
  std::optional<std::int64_t> community_id;
  std::vector<domain::Post> posts;             // new to the task: posts_found += 1, comments_expected += comments_count
  std::vector<domain::Author> authors;         // upserted by id
  std::optional<std::string> checkpoint_json;  // the wall's resume point, kept as given
  bool community_done = false;                 // the last page of the wall: counted in groups_done once
  RequestCounters counters;
  EventBuilder event;
  domain::Timestamp at;
};

struct CommentsPageWrite {
  std::string task_id;
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;               // the post must already be linked to the task (write it first)
  std::vector<domain::Comment> comments;  // each of owner_id/post_id
  std::vector<domain::Author> authors;
  std::optional<std::string> checkpoint_json;  // the post's resume point in its comments
  bool post_done = false;                      // the last page: counted in posts_done once
  RequestCounters counters;
  EventBuilder event;
  domain::Timestamp at;
};

// Closes a community or post of the task with a final status (typically skipped or failed) and the
// reason; either may be absent from the task (a post VK refused before it was ever stored): the error is
// recorded all the same.
struct LinkFinish {
  std::string task_id;
  LinkStatus status = LinkStatus::skipped;
  std::optional<domain::TaskError> error;
  RequestCounters counters;
  EventBuilder event;
  domain::Timestamp at;
};

struct WriteResult {
  enum class Outcome { applied, lease_lost };
  Outcome outcome = Outcome::lease_lost;
  domain::TaskProgress counted;      // what the write added to the task's progress
  std::optional<StoredEvent> event;  // applied: the event written
  // write_posts: the posts whose comments the task must (re)read: new to the task, or done before and
  // now reported with another comment count (see write_posts).
  std::vector<std::pair<std::int64_t, std::int64_t>> opened;
};

struct CommunityState {
  std::int64_t community_id = 0;
  LinkStatus status = LinkStatus::pending;
  std::optional<std::string> checkpoint_json;
};

struct PostState {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  LinkStatus status = LinkStatus::pending;
  std::optional<std::string> checkpoint_json;
  std::int64_t comments_count = 0;  // as VK last reported it
  std::int64_t comments_collected = 0;
  domain::Timestamp last_seen_at;  // when VK last returned the post
};

struct PostStateQuery {
  std::string task_id;
  bool unfinished_only = true;  // skip posts in a final status
  // Keyset position in (owner_id, post_id) order: the last post of the previous page.
  std::optional<std::pair<std::int64_t, std::int64_t>> after;
  int limit = 500;  // 1..1000
};

class CollectionRepository {
 public:
  virtual ~CollectionRepository() = default;

  virtual WriteResult link_communities(const LeaseToken& lease, const CommunitiesWrite& write) = 0;
  // A post the task had done whose comments count VK now reports differently is opened again: its
  // comments are read anew from the start (checkpoint cleared), which also shows edits and deletions.
  virtual WriteResult write_posts(const LeaseToken& lease, const PostsPageWrite& write) = 0;
  // comments_collected grows by the number of the post's comments stored that the task had not yet counted.
  virtual WriteResult write_comments(const LeaseToken& lease, const CommentsPageWrite& write) = 0;
  // A community that reaches a final status counts in groups_done once.
  virtual WriteResult finish_community(const LeaseToken& lease, std::int64_t community_id,
                                       const LinkFinish& finish) = 0;
  // A post that reaches a final status counts in posts_done once.
  virtual WriteResult finish_post(const LeaseToken& lease, std::int64_t owner_id, std::int64_t post_id,
                                  const LinkFinish& finish) = 0;

  // Resume points, read in one snapshot each.
  virtual std::vector<CommunityState> communities(std::string_view task_id) = 0;
  virtual std::vector<PostState> posts(const PostStateQuery& query) = 0;
};

}  // namespace vka::store
