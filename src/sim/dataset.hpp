#pragma once
// The simulated VK world: communities, their walls, comments and the people who write them.
// Communities, users and posts are generated at construction; each post's comments on first use
// (from the post's own random stream, so the order of access never changes the data).
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/options.hpp"
#include "sim/text_bank.hpp"

namespace vka::sim {

struct User {
  std::int64_t id = 0;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> deactivated;  // "deleted" or "banned"
};

struct Community {
  std::int64_t id = 0;  // positive group id; the wall's owner_id is -id
  std::string screen_name;
  std::string name;
  std::string type;   // group, page or event
  int is_closed = 0;  // 0 open, 1 closed, 2 private
  std::optional<std::string> deactivated;
  bool comments_closed = false;
  std::int64_t members_count = 0;
  Language language = Language::ru;
};

struct Post {
  std::int64_t owner_id = 0;
  std::int64_t id = 0;
  std::int64_t date = 0;
  std::string text;
  std::int64_t likes = 0;
  std::int64_t reposts = 0;
  std::optional<std::int64_t> views;
  bool is_pinned = false;
  bool has_photo = false;
  std::size_t slot = 0;  // index of this post's comments in the dataset
};

struct Comment {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;       // the comment replied to
  std::optional<std::int64_t> thread_root_id;  // the top-level comment of the thread
  std::int64_t from_id = 0;                    // negative: a community
  std::int64_t date = 0;
  std::string text;  // empty when deleted
  std::int64_t likes = 0;
  bool deleted = false;
  Sentiment sentiment = Sentiment::neutral;
};

struct PostComments {
  std::vector<Comment> items;                                            // ascending id, which is ascending date
  std::vector<std::uint32_t> top_level;                                  // indices into items
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> replies;  // thread root id → indices
  std::int64_t visible_count = 0;                                        // not deleted: the post's comments.count

  const Comment* find(std::int64_t id) const;
  std::span<const std::uint32_t> replies_of(std::int64_t root_id) const;
};

class Dataset {
 public:
  explicit Dataset(const DatasetOptions& options);
  ~Dataset();
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  const std::vector<Community>& communities() const { return communities_; }
  const std::vector<User>& users() const { return users_; }
  const Community* community(std::int64_t group_id) const;
  const Community* community_by_screen_name(std::string_view screen_name) const;
  const User* user(std::int64_t user_id) const;
  // The community's wall in VK order: the pinned post first, then newest first.
  std::span<const Post> wall(std::int64_t group_id) const;
  const Post* post(std::int64_t owner_id, std::int64_t post_id) const;
  // Generated on first use; safe from several threads.
  const PostComments& comments(const Post& post) const;
  // "Имя Фамилия" or the community name.
  std::string author_name(std::int64_t from_id) const;

  // Growth, as VK's data grows between two collections (sim/growth.hpp). Not thread-safe: the caller keeps
  // readers out meanwhile. New posts and comments take the wall's next ids and later dates; `seed` makes
  // their text. Each returns nullptr (or false) when the community, post or comment is unknown.
  const Post* add_post(std::int64_t group_id, std::uint64_t seed);
  // A top-level comment, or with `root_id` a reply in that top-level comment's thread.
  const Comment* add_comment(std::int64_t owner_id, std::int64_t post_id, std::optional<std::int64_t> root_id,
                             std::uint64_t seed);
  bool edit_comment(std::int64_t owner_id, std::int64_t post_id, std::int64_t comment_id, std::uint64_t seed);
  bool delete_comment(std::int64_t owner_id, std::int64_t post_id, std::int64_t comment_id);
  bool set_post_likes(std::int64_t owner_id, std::int64_t post_id, std::int64_t likes);

 private:
  struct Lazy;
  DatasetOptions options_;
  std::vector<Community> communities_;
  std::vector<User> users_;
  std::vector<std::vector<Post>> walls_;  // parallel to communities_
  std::unordered_map<std::int64_t, std::size_t> community_index_;
  std::unordered_map<std::string, std::size_t> screen_name_index_;
  std::unordered_map<std::int64_t, std::size_t> user_index_;
  std::vector<std::unique_ptr<Lazy>> comments_;  // by Post::slot
  std::optional<std::size_t> long_thread_slot_;
  // Per community, after the first growth: the next id and the latest date on its wall.
  std::unordered_map<std::int64_t, std::pair<std::int64_t, std::int64_t>> growth_marks_;

  void generate_communities();
  void generate_users();
  void generate_walls();
  PostComments generate_comments(const Post& post) const;
  Post* mutable_post(std::int64_t owner_id, std::int64_t post_id);
  PostComments& mutable_comments(const Post& post);
  // The next id and date for an item new on the community's wall; advances both.
  std::pair<std::int64_t, std::int64_t> next_mark(std::int64_t group_id);
};

}  // namespace vka::sim
