#include "sim/vk_objects.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

namespace vka::sim {

namespace json = boost::json;

namespace {

bool wants(const std::vector<std::string_view>& fields, std::string_view field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

void add_unique(std::vector<std::int64_t>& ids, std::int64_t id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

}  // namespace

json::object post_json(const Post& post, const Community& owner, const PostComments& comments) {
  json::object o;
  o["id"] = post.id;
  o["owner_id"] = post.owner_id;
  o["from_id"] = post.owner_id;
  o["date"] = post.date;
  o["marked_as_ads"] = 0;
  o["post_type"] = "post";
  o["text"] = post.text;
  o["is_pinned"] = post.is_pinned ? 1 : 0;
  json::array attachments;
  if (post.has_photo)
    attachments.push_back(json::object{
        {"type", "photo"},
        {"photo", json::object{{"id", post.id * 7 + 1}, {"owner_id", post.owner_id}, {"date", post.date}}}});
  o["attachments"] = std::move(attachments);
  o["comments"] = json::object{{"count", comments.visible_count},
                               {"can_post", owner.comments_closed ? 0 : 1},
                               {"groups_can_post", !owner.comments_closed}};
  o["likes"] = json::object{{"count", post.likes}, {"user_likes", 0}, {"can_like", 1}, {"can_publish", 1}};
  o["reposts"] =
      json::object{{"count", post.reposts}, {"wall_count", post.reposts}, {"mail_count", 0}, {"user_reposted", 0}};
  if (post.views) o["views"] = json::object{{"count", *post.views}};
  o["post_source"] = json::object{{"type", "vk"}};
  return o;
}

json::object comment_json(const Comment& comment, const PostComments& comments, const CommentView& view) {
  json::object o;
  o["id"] = comment.id;
  o["from_id"] = comment.from_id;
  o["date"] = comment.date;
  o["text"] = utf8_prefix(comment.text, view.preview_length);
  o["post_id"] = comment.post_id;
  o["owner_id"] = comment.owner_id;
  json::array parents;
  if (comment.thread_root_id) parents.push_back(*comment.thread_root_id);
  o["parents_stack"] = std::move(parents);
  if (comment.parent_id) {
    o["reply_to_comment"] = *comment.parent_id;
    if (const auto* parent = comments.find(*comment.parent_id)) o["reply_to_user"] = parent->from_id;
  }
  if (view.need_likes) o["likes"] = json::object{{"count", comment.likes}, {"user_likes", 0}, {"can_like", 1}};
  if (comment.deleted) o["deleted"] = true;
  return o;
}

json::object group_json(const Community& community, const std::vector<std::string_view>& fields) {
  json::object o;
  o["id"] = community.id;
  o["name"] = community.name;
  o["screen_name"] = community.screen_name;
  o["is_closed"] = community.is_closed;
  o["type"] = community.type;
  if (community.deactivated) o["deactivated"] = *community.deactivated;
  o["is_admin"] = 0;
  o["is_member"] = 0;
  o["is_advertiser"] = 0;
  o["photo_50"] = "https://vk.com/images/community_50.png";
  o["photo_100"] = "https://vk.com/images/community_100.png";
  o["photo_200"] = "https://vk.com/images/community_200.png";
  if (community.deactivated) return o;  // removed communities carry no optional fields
  if (wants(fields, "members_count")) o["members_count"] = community.members_count;
  if (wants(fields, "activity"))
    o["activity"] = community.language == Language::ru ? "Городское сообщество" : "Community";
  if (wants(fields, "description")) o["description"] = "Simulated community «" + community.name + "»";
  if (wants(fields, "verified")) o["verified"] = 0;
  if (wants(fields, "can_post")) o["can_post"] = 0;
  return o;
}

json::object user_json(const User& user) {
  json::object o;
  o["id"] = user.id;
  o["first_name"] = user.first_name;
  o["last_name"] = user.last_name;
  if (user.deactivated) {
    o["deactivated"] = *user.deactivated;  // removed pages omit the optional fields
    return o;
  }
  o["can_access_closed"] = true;
  o["is_closed"] = false;
  return o;
}

void Authors::add(std::int64_t from_id) {
  if (from_id > 0) add_unique(users_, from_id);
  if (from_id < 0) add_unique(groups_, -from_id);
}

void Authors::attach_to(json::object& response, const Dataset& dataset) const {
  json::array profiles;
  for (const auto id : users_)
    if (const auto* user = dataset.user(id)) profiles.push_back(user_json(*user));
  json::array groups;
  for (const auto id : groups_)
    if (const auto* community = dataset.community(id)) groups.push_back(group_json(*community, {}));
  response["profiles"] = std::move(profiles);
  response["groups"] = std::move(groups);
}

std::string_view utf8_prefix(std::string_view text, std::int64_t length) {
  if (length <= 0) return text;
  std::size_t i = 0;
  for (std::int64_t points = 0; i < text.size() && points < length; ++points) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return text.substr(0, i);
}

}  // namespace vka::sim
