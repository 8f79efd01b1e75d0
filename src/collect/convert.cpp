#include "collect/convert.hpp"

namespace vka::collect {

namespace {

domain::Sentiment to_domain(analysis::Sentiment sentiment) {
  switch (sentiment) {
    case analysis::Sentiment::positive: return domain::Sentiment::positive;
    case analysis::Sentiment::negative: return domain::Sentiment::negative;
    case analysis::Sentiment::neutral: break;
  }
  return domain::Sentiment::neutral;
}

std::string join_terms(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& term : terms) {
    if (!out.empty()) out += ' ';
    out += term;
  }
  return out;
}

}  // namespace

domain::Community to_community(const vk::Group& group) {
  domain::Community community;
  community.id = group.id;
  if (!group.screen_name.empty()) community.screen_name = group.screen_name;
  community.name = group.name;
  community.is_closed = static_cast<domain::CommunityAccess>(static_cast<int>(group.is_closed));
  if (!group.type.empty()) community.type = group.type;
  community.deactivated = group.deactivated;
  return community;
}

domain::Post to_post(const vk::Post& post) {
  domain::Post out;
  out.owner_id = post.owner_id;
  out.id = post.id;
  if (post.from_id != 0) out.from_id = post.from_id;
  out.date = post.date;
  out.text = post.text;
  out.likes = post.likes;
  out.reposts = post.reposts;
  out.views = post.views;
  out.comments_count = post.comments_count;
  out.is_pinned = post.is_pinned;
  return out;
}

std::vector<domain::Author> authors_of(const std::vector<vk::User>& profiles, const std::vector<vk::Group>& groups) {
  std::vector<domain::Author> authors;
  authors.reserve(profiles.size() + groups.size());
  for (const vk::User& user : profiles) {
    std::string name = user.first_name;
    if (!user.last_name.empty()) name += (name.empty() ? "" : " ") + user.last_name;
    authors.push_back({user.id, std::move(name)});
  }
  for (const vk::Group& group : groups) authors.push_back({-group.id, group.name});
  return authors;
}

domain::Comment to_comment(const vk::Comment& comment, std::optional<std::int64_t> thread_root,
                           const analysis::Analyzer& analyzer) {
  domain::Comment out;
  out.owner_id = comment.owner_id;
  out.post_id = comment.post_id;
  out.id = comment.id;
  out.thread_root_id = thread_root;
  if (comment.reply_to_comment) {
    out.parent_id = comment.reply_to_comment;
  } else if (!comment.parents_stack.empty()) {
    out.parent_id = comment.parents_stack.back();
  } else {
    out.parent_id = thread_root;
  }
  out.from_id = comment.from_id;
  out.date = comment.date;
  out.text = comment.text;
  out.likes = comment.likes;
  out.deleted = comment.deleted;
  if (!comment.deleted) {
    const analysis::TextAnalysis analysis = analyzer.analyze(comment.text);
    out.sentiment = to_domain(analysis.sentiment);
    out.sentiment_score = analysis.sentiment_score;
    out.keywords = analysis.keywords;
    out.phrases = analysis.phrases;
    out.stems = join_terms(analyzer.search_terms(comment.text));
  }
  return out;
}

}  // namespace vka::collect
