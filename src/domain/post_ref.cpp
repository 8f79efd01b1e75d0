#include "domain/post_ref.hpp"

#include <fmt/format.h>

#include <set>
#include <utility>

#include "domain/ref_text.hpp"
#include "domain/vk_link.hpp"

namespace vka::domain {

namespace {
constexpr std::string_view expected_form = "expected a post like -1_123 or https://vk.com/wall-1_123";

Result<PostRef> fail_for(std::string_view input, std::string_view predicate) {
  return unexpected(fmt::format("{} {}", quote_input(input), predicate));
}
}  // namespace

Result<PostRef> parse_wall_id(std::string_view text) {
  if (text.starts_with("wall")) text.remove_prefix(4);
  const bool negative = text.starts_with('-');
  if (negative) text.remove_prefix(1);
  const auto underscore = text.find('_');
  if (underscore == std::string_view::npos)
    return unexpected(fmt::format("is not a post reference ({})", expected_form));
  const auto owner_digits = text.substr(0, underscore);
  const auto post_digits = text.substr(underscore + 1);
  if (!is_all_digits(owner_digits) || !is_all_digits(post_digits))
    return unexpected(fmt::format("is not a post reference ({})", expected_form));

  const auto owner = parse_positive_vk_id(owner_digits);
  if (!owner) return unexpected(fmt::format("has an owner id that {}", owner.error()));
  const auto post = parse_positive_vk_id(post_digits);
  if (!post) return unexpected(fmt::format("has a post id that {}", post.error()));
  return PostRef{negative ? -*owner : *owner, *post};
}

Result<PostRef> parse_post_ref(std::string_view input) {
  const auto text = trim_ascii_space(input);
  if (text.empty()) return unexpected("empty post reference");

  std::string wall_id;
  if (looks_like_link(text)) {
    const auto link = parse_vk_link(text);
    if (!link) return fail_for(input, link.error());
    if (link->w)
      wall_id = *link->w;
    else if (link->page.starts_with("wall"))
      wall_id = link->page;
    else
      return fail_for(input, "links to a page, not to a post; list communities under groups");
  } else {
    wall_id = lowercase_ascii(text);
  }

  auto post = parse_wall_id(wall_id);
  if (!post) return fail_for(input, post.error());
  return post;
}

NormalizedRefs<PostRef> normalize_post_refs(const std::vector<std::string>& inputs) {
  NormalizedRefs<PostRef> out;
  std::set<std::pair<std::int64_t, std::int64_t>> seen;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto post = parse_post_ref(inputs[i]);
    if (!post) {
      out.problems.push_back({i, post.error()});
      continue;
    }
    if (seen.emplace(post->owner_id, post->post_id).second) out.refs.push_back(*post);
  }
  return out;
}

std::string to_string(const PostRef& post) { return fmt::format("{}_{}", post.owner_id, post.post_id); }

std::string post_url(const PostRef& post) { return fmt::format("https://vk.com/wall{}", to_string(post)); }

std::string comment_url(const PostRef& post, std::int64_t comment_id, std::optional<std::int64_t> thread_root_id) {
  auto url = fmt::format("{}?reply={}", post_url(post), comment_id);
  if (thread_root_id) url += fmt::format("&thread={}", *thread_root_id);
  return url;
}

}  // namespace vka::domain
