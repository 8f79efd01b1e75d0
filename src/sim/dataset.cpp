#include "sim/dataset.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_set>

namespace vka::sim {

namespace {

constexpr std::array<std::string_view, 10> readable_screen_names{"sim_news",  "sim_city",  "sim_tech",  "sim_cats",
                                                                 "sim_sport", "sim_music", "sim_books", "sim_travel",
                                                                 "sim_food",  "sim_cinema"};
constexpr std::array<std::string_view, 10> community_names{"Новости Симгорода",
                                                           "Подслушано; Симгород, \"официально\"",
                                                           "Техно-симулятор",
                                                           "Котики и коты 🐱",
                                                           "Спорт Симгорода",
                                                           "Music for everyone",
                                                           "Книжный клуб «Страница»",
                                                           "Travel & Adventures",
                                                           "Вкусная еда",
                                                           "Кино сегодня"};

constexpr int kPrivateIndex = 1;
constexpr int kBannedIndex = 2;
constexpr int kCommentsClosedIndex = 3;
constexpr int kLongThreadCommunity = 0;

// How many comments a post has: top-level comments and the replies under each.
struct Shape {
  std::vector<std::int64_t> replies;  // one entry per top-level comment
  std::int64_t total() const {
    std::int64_t sum = static_cast<std::int64_t>(replies.size());
    for (const auto r : replies) sum += r;
    return sum;
  }
};

std::uint64_t post_seed(std::uint64_t seed, std::size_t community_index, std::size_t post_index) {
  return mix(mix(seed, 0x706F7374 + community_index), post_index);
}

Shape comment_shape(std::uint64_t seed, const DatasetOptions& options, bool long_thread) {
  Rng rng{seed};
  Shape shape;
  const auto cap = static_cast<std::int64_t>(options.comments_mean * 20);
  std::int64_t top = rng.chance(0.1) ? rng.between(0, 3) : rng.heavy_tail(options.comments_mean, 2.2, cap);
  if (long_thread) top = std::max<std::int64_t>(top, 3);
  shape.replies.resize(static_cast<std::size_t>(top));
  for (auto& r : shape.replies) r = rng.chance(0.3) ? rng.between(1, 15) : 0;
  if (long_thread) {
    shape.replies[0] = options.long_thread_replies;
    shape.replies[1] = std::max<std::int64_t>(shape.replies[1], 2);  // its root is deleted, replies survive
  }
  return shape;
}

std::int64_t gap(Rng& rng, double mean_seconds) { return 1 + static_cast<std::int64_t>(rng.exponential(mean_seconds)); }

}  // namespace

const Comment* PostComments::find(std::int64_t id) const {
  // Generated ids are consecutive; grown ones leave gaps, but all ascend.
  const auto found = std::lower_bound(items.begin(), items.end(), id,
                                      [](const Comment& c, std::int64_t value) { return c.id < value; });
  return found != items.end() && found->id == id ? &*found : nullptr;
}

std::span<const std::uint32_t> PostComments::replies_of(std::int64_t root_id) const {
  const auto found = replies.find(root_id);
  if (found == replies.end()) return {};
  return found->second;
}

struct Dataset::Lazy {
  std::once_flag once;
  PostComments comments;
  std::uint64_t seed = 0;
  bool long_thread = false;
};

Dataset::Dataset(const DatasetOptions& options) : options_(options) {
  generate_communities();
  generate_users();
  generate_walls();
}

Dataset::~Dataset() = default;

void Dataset::generate_communities() {
  Rng rng{mix(options_.seed, 0x636F6D6D)};
  std::unordered_set<std::int64_t> used;
  for (int i = 0; i < options_.communities; ++i) {
    Community c;
    do c.id = rng.between(1'000'000, 230'000'000);
    while (!used.insert(c.id).second);
    const auto index = static_cast<std::size_t>(i);
    c.type = i % 7 == 6 ? "event" : i % 2 == 0 ? "page" : "group";
    if (i == kPrivateIndex) {
      c.type = "group";  // only groups can be private
      c.is_closed = 2;
    }
    if (i == kBannedIndex) c.deactivated = "banned";
    c.comments_closed = i == kCommentsClosedIndex;
    const bool readable = index < readable_screen_names.size() && i % 3 != 2;
    c.screen_name = readable ? std::string{readable_screen_names[index]}
                             : (c.type == "page" ? "public" : "club") + std::to_string(c.id);
    c.name =
        index < community_names.size() ? std::string{community_names[index]} : "Сообщество №" + std::to_string(i + 1);
    c.language = i % 5 == 4 ? Language::en : Language::ru;
    c.members_count = rng.heavy_tail(20'000, 1.5, 5'000'000);
    community_index_.emplace(c.id, communities_.size());
    screen_name_index_.emplace(c.screen_name, communities_.size());
    communities_.push_back(std::move(c));
  }
}

void Dataset::generate_users() {
  Rng rng{mix(options_.seed, 0x75736572)};
  const auto count =
      std::clamp<std::int64_t>(static_cast<std::int64_t>(options_.communities) * options_.posts / 2, 300, 100'000);
  std::unordered_set<std::int64_t> used;
  for (std::int64_t i = 0; i < count; ++i) {
    User u;
    do u.id = rng.between(100'000, 800'000'000);
    while (!used.insert(u.id).second);
    auto name = person_name(rng, rng.chance(0.8) ? Language::ru : Language::en);
    const double fate = rng.unit();
    if (fate < 0.03) {
      u.deactivated = "deleted";  // VK replaces the names of deleted pages
      name = {"DELETED", ""};
    } else if (fate < 0.05) {
      u.deactivated = "banned";
    }
    u.first_name = std::move(name.first);
    u.last_name = std::move(name.last);
    user_index_.emplace(u.id, users_.size());
    users_.push_back(std::move(u));
  }
}

void Dataset::generate_walls() {
  Rng rng{mix(options_.seed, 0x77616C6C)};
  const std::int64_t now = 1'700'000'000 + rng.between(0, 30'000'000);
  const auto posts = static_cast<std::size_t>(options_.posts);
  const std::size_t long_thread_post = static_cast<std::size_t>(rng.between(0, options_.posts - 1));
  walls_.resize(communities_.size());
  for (std::size_t ci = 0; ci < communities_.size(); ++ci) {
    const auto& community = communities_[ci];
    // Newest first by date; index posts-1 is the oldest.
    std::vector<Post> by_date(posts);
    std::int64_t date = now - rng.between(600, 7200);
    for (auto& post : by_date) {
      post.owner_id = -community.id;
      post.date = date;
      date -= 60 + static_cast<std::int64_t>(rng.exponential(6 * 3600.0));
      post.text = post_text(rng, community.language);
      post.likes = rng.heavy_tail(150, 1.6, 100'000);
      post.reposts = rng.heavy_tail(10, 1.6, 10'000);
      if (rng.chance(0.8)) post.views = post.likes * rng.between(20, 60) + rng.between(0, 500);
      post.has_photo = rng.chance(0.4);
    }
    const std::size_t pinned =
        posts < 4 ? posts - 1 : static_cast<std::size_t>(rng.between(3, std::min<std::int64_t>(8, options_.posts - 1)));
    by_date[pinned].is_pinned = true;
    // Ids grow with time and leave room for the comments, which share the wall's id sequence.
    std::int64_t next_id = rng.between(1'000, 50'000);
    for (std::size_t k = posts; k-- > 0;) {
      auto& post = by_date[k];
      auto lazy = std::make_unique<Lazy>();
      lazy->seed = post_seed(options_.seed, ci, k);
      lazy->long_thread = ci == static_cast<std::size_t>(kLongThreadCommunity) && k == long_thread_post;
      post.id = next_id;
      post.slot = comments_.size();
      next_id += 1 + comment_shape(lazy->seed, options_, lazy->long_thread).total() + rng.between(0, 20);
      comments_.push_back(std::move(lazy));
    }
    auto& wall = walls_[ci];
    wall.reserve(posts);
    wall.push_back(by_date[pinned]);
    for (std::size_t k = 0; k < posts; ++k)
      if (k != pinned) wall.push_back(by_date[k]);
  }
}

PostComments Dataset::generate_comments(const Post& post) const {
  const auto& lazy = *comments_[post.slot];
  const auto shape = comment_shape(lazy.seed, options_, lazy.long_thread);
  Rng rng{mix(lazy.seed, 0x74657874)};
  const auto& owner = *community(-post.owner_id);
  const auto other_language = owner.language == Language::ru ? Language::en : Language::ru;

  struct Draft {
    Comment comment;
    std::size_t order = 0;
    std::optional<std::size_t> parent;  // draft index
    std::optional<std::size_t> root;
  };
  std::vector<Draft> drafts;
  drafts.reserve(static_cast<std::size_t>(shape.total()));
  const auto mention_of = [&](std::int64_t from_id) {
    if (from_id < 0) {
      const auto* c = community(-from_id);
      return Mention{"club" + std::to_string(-from_id), c ? c->name : ""};
    }
    const auto* u = user(from_id);
    return Mention{"id" + std::to_string(from_id), u ? u->first_name : ""};
  };
  const auto add = [&](std::int64_t date, std::optional<std::size_t> parent, std::optional<std::size_t> root) {
    Draft d;
    d.order = drafts.size();
    d.parent = parent;
    d.root = root;
    auto& c = d.comment;
    c.owner_id = post.owner_id;
    c.post_id = post.id;
    c.date = date;
    if (rng.chance(0.92)) {
      c.from_id = users_[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(users_.size()) - 1))].id;
    } else {
      c.from_id = rng.chance(0.7) ? post.owner_id : -rng.pick(std::span<const Community>{communities_}).id;
    }
    const auto mention = parent ? std::optional{mention_of(drafts[*parent].comment.from_id)} : std::nullopt;
    auto text = comment_text(rng, rng.chance(0.85) ? owner.language : other_language, mention ? &*mention : nullptr);
    c.text = std::move(text.text);
    c.sentiment = text.sentiment;
    c.likes = rng.heavy_tail(3, 1.8, 5'000);
    c.deleted = rng.chance(0.04);
    drafts.push_back(std::move(d));
  };

  std::int64_t top_date = post.date;
  for (std::size_t t = 0; t < shape.replies.size(); ++t) {
    top_date += gap(rng, 900);
    const std::size_t root = drafts.size();
    add(top_date, std::nullopt, std::nullopt);
    if (lazy.long_thread && t == 1) drafts[root].comment.deleted = true;
    std::int64_t reply_date = top_date;
    const std::size_t first_reply = drafts.size();
    for (std::int64_t r = 0; r < shape.replies[t]; ++r) {
      reply_date += gap(rng, 300);
      std::size_t parent = root;
      if (drafts.size() > first_reply && rng.chance(0.4))
        parent = static_cast<std::size_t>(
            rng.between(static_cast<std::int64_t>(first_reply), static_cast<std::int64_t>(drafts.size()) - 1));
      add(reply_date, parent, root);
    }
  }

  // Ids follow dates (ties keep generation order), so a reply always has a larger id than its parent.
  std::vector<std::size_t> by_time(drafts.size());
  for (std::size_t i = 0; i < by_time.size(); ++i) by_time[i] = i;
  std::sort(by_time.begin(), by_time.end(), [&](std::size_t a, std::size_t b) {
    return std::pair{drafts[a].comment.date, a} < std::pair{drafts[b].comment.date, b};
  });
  std::vector<std::int64_t> id_of(drafts.size());
  for (std::size_t rank = 0; rank < by_time.size(); ++rank)
    id_of[by_time[rank]] = post.id + 1 + static_cast<std::int64_t>(rank);

  PostComments result;
  result.items.reserve(drafts.size());
  for (const auto index : by_time) {
    auto& draft = drafts[index];
    auto& c = draft.comment;
    c.id = id_of[index];
    if (draft.parent) c.parent_id = id_of[*draft.parent];
    if (draft.root) c.thread_root_id = id_of[*draft.root];
    if (c.deleted) {
      c.text.clear();
      c.likes = 0;
      c.sentiment = Sentiment::neutral;
    } else {
      ++result.visible_count;
    }
    const auto position = static_cast<std::uint32_t>(result.items.size());
    if (c.thread_root_id)
      result.replies[*c.thread_root_id].push_back(position);
    else
      result.top_level.push_back(position);
    result.items.push_back(std::move(c));
  }
  return result;
}

const Community* Dataset::community(std::int64_t group_id) const {
  const auto found = community_index_.find(group_id);
  return found == community_index_.end() ? nullptr : &communities_[found->second];
}

const Community* Dataset::community_by_screen_name(std::string_view screen_name) const {
  const auto found = screen_name_index_.find(std::string{screen_name});
  return found == screen_name_index_.end() ? nullptr : &communities_[found->second];
}

const User* Dataset::user(std::int64_t user_id) const {
  const auto found = user_index_.find(user_id);
  return found == user_index_.end() ? nullptr : &users_[found->second];
}

std::span<const Post> Dataset::wall(std::int64_t group_id) const {
  const auto found = community_index_.find(group_id);
  if (found == community_index_.end()) return {};
  return walls_[found->second];
}

const Post* Dataset::post(std::int64_t owner_id, std::int64_t post_id) const {
  const auto wall_posts = wall(-owner_id);
  if (wall_posts.empty()) return nullptr;
  if (wall_posts.front().id == post_id) return &wall_posts.front();
  // After the pinned post the wall is newest first, so ids descend.
  const auto rest = wall_posts.subspan(1);
  const auto found = std::lower_bound(rest.begin(), rest.end(), post_id,
                                      [](const Post& post, std::int64_t id) { return post.id > id; });
  return found != rest.end() && found->id == post_id ? &*found : nullptr;
}

const PostComments& Dataset::comments(const Post& post) const {
  auto& lazy = *comments_[post.slot];
  std::call_once(lazy.once, [&] { lazy.comments = generate_comments(post); });
  return lazy.comments;
}

std::string Dataset::author_name(std::int64_t from_id) const {
  if (from_id < 0) {
    const auto* c = community(-from_id);
    return c ? c->name : "";
  }
  const auto* u = user(from_id);
  if (!u) return "";
  return u->last_name.empty() ? u->first_name : u->first_name + " " + u->last_name;
}

Post* Dataset::mutable_post(std::int64_t owner_id, std::int64_t post_id) {
  return const_cast<Post*>(post(owner_id, post_id));
}

PostComments& Dataset::mutable_comments(const Post& post) {
  comments(post);
  return comments_[post.slot]->comments;
}

std::pair<std::int64_t, std::int64_t> Dataset::next_mark(std::int64_t group_id) {
  auto [mark, first] = growth_marks_.try_emplace(group_id);
  if (first) {
    std::int64_t id = 0;
    std::int64_t date = 0;
    for (const Post& post : wall(group_id)) {
      id = std::max(id, post.id);
      date = std::max(date, post.date);
      for (const Comment& comment : comments(post).items) {
        id = std::max(id, comment.id);
        date = std::max(date, comment.date);
      }
    }
    mark->second = {id + 1, date + 60};
  }
  const auto given = mark->second;
  mark->second = {given.first + 1, given.second + 60};
  return given;
}

const Post* Dataset::add_post(std::int64_t group_id, std::uint64_t seed) {
  const auto index = community_index_.find(group_id);
  if (index == community_index_.end()) return nullptr;
  const auto [id, date] = next_mark(group_id);
  Rng rng{mix(seed, 0x6E657770)};
  Post post;
  post.owner_id = -group_id;
  post.id = id;
  post.date = date;
  post.text = post_text(rng, communities_[index->second].language);
  post.likes = rng.heavy_tail(150, 1.6, 100'000);
  post.reposts = rng.heavy_tail(10, 1.6, 10'000);
  post.slot = comments_.size();
  auto lazy = std::make_unique<Lazy>();
  std::call_once(lazy->once, [] {});  // no comments yet; they come by growth
  comments_.push_back(std::move(lazy));
  auto& wall = walls_[index->second];
  // The pinned post stays first; the rest is newest first.
  const auto at = wall.empty() || !wall.front().is_pinned ? wall.begin() : wall.begin() + 1;
  return &*wall.insert(at, post);
}

const Comment* Dataset::add_comment(std::int64_t owner_id, std::int64_t post_id, std::optional<std::int64_t> root_id,
                                    std::uint64_t seed) {
  const Post* post = this->post(owner_id, post_id);
  if (!post) return nullptr;
  auto& thread = mutable_comments(*post);
  if (root_id) {
    const Comment* root = thread.find(*root_id);
    if (!root || root->thread_root_id) return nullptr;
  }
  const auto [id, date] = next_mark(-owner_id);
  Rng rng{mix(seed, 0x636D6E74)};
  Comment comment;
  comment.owner_id = owner_id;
  comment.post_id = post_id;
  comment.id = id;
  comment.parent_id = root_id;
  comment.thread_root_id = root_id;
  comment.from_id = users_[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(users_.size()) - 1))].id;
  comment.date = date;
  auto text = comment_text(rng, community(-owner_id)->language, nullptr);
  comment.text = std::move(text.text);
  comment.sentiment = text.sentiment;
  comment.likes = rng.between(0, 20);
  const auto position = static_cast<std::uint32_t>(thread.items.size());
  if (root_id)
    thread.replies[*root_id].push_back(position);
  else
    thread.top_level.push_back(position);
  ++thread.visible_count;
  thread.items.push_back(std::move(comment));
  return &thread.items.back();
}

bool Dataset::edit_comment(std::int64_t owner_id, std::int64_t post_id, std::int64_t comment_id, std::uint64_t seed) {
  const Post* post = this->post(owner_id, post_id);
  if (!post) return false;
  auto* comment = const_cast<Comment*>(mutable_comments(*post).find(comment_id));
  if (!comment || comment->deleted) return false;
  Rng rng{mix(seed, 0x65646974)};
  auto text = comment_text(rng, community(-owner_id)->language, nullptr);
  comment->text = std::move(text.text);
  comment->sentiment = text.sentiment;
  return true;
}

bool Dataset::delete_comment(std::int64_t owner_id, std::int64_t post_id, std::int64_t comment_id) {
  const Post* post = this->post(owner_id, post_id);
  if (!post) return false;
  auto& thread = mutable_comments(*post);
  auto* comment = const_cast<Comment*>(thread.find(comment_id));
  if (!comment || comment->deleted) return false;
  comment->deleted = true;
  comment->text.clear();
  comment->likes = 0;
  comment->sentiment = Sentiment::neutral;
  --thread.visible_count;
  return true;
}

bool Dataset::set_post_likes(std::int64_t owner_id, std::int64_t post_id, std::int64_t likes) {
  Post* post = mutable_post(owner_id, post_id);
  if (!post) return false;
  post->likes = likes;
  return true;
}

}  // namespace vka::sim
