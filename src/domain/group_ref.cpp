#include "domain/group_ref.hpp"

#include <fmt/format.h>

#include <optional>
#include <set>
#include <type_traits>
#include <utility>

#include "domain/post_ref.hpp"
#include "domain/ref_text.hpp"
#include "domain/vk_link.hpp"

namespace vka::domain {

namespace {
using GroupResult = Result<GroupRef>;

GroupResult fail_for(std::string_view input, std::string_view predicate) {
  return unexpected(fmt::format("{} {}", quote_input(input), predicate));
}

GroupResult from_owner_id(std::int64_t value) {
  if (value == 0) return unexpected("0 is not a community id");
  if (value > max_vk_id || value < -max_vk_id)
    return unexpected(fmt::format("{} is out of range (VK ids are at most {})", value, max_vk_id));
  return GroupRef{value < 0 ? -value : value};
}

GroupResult from_digits(std::string_view input, std::string_view digits) {
  const auto id = parse_positive_vk_id(digits);
  if (!id) return fail_for(input, fmt::format("has a community id that {}", id.error()));
  return GroupRef{*id};
}

// "<prefix><digits>" → the digits, for prefixes like "club" or "id".
std::optional<std::string_view> numbered(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix)) return std::nullopt;
  const auto digits = name.substr(prefix.size());
  if (!is_all_digits(digits)) return std::nullopt;
  return digits;
}

bool is_screen_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'; }

// A page name (from a link, after '@', or bare), already lowercased.
GroupResult from_page_name(std::string_view input, std::string_view name) {
  if (name.empty()) return fail_for(input, "names no community");
  for (std::string_view prefix : {"club", "public", "event"})
    if (const auto digits = numbered(name, prefix)) return from_digits(input, *digits);
  if (numbered(name, "id"))
    return fail_for(input, "is a user page, not a community; only communities can be collected");
  if (numbered(name, "app")) return fail_for(input, "is an application page, not a community");
  if (name.starts_with("wall") && parse_wall_id(name))
    return fail_for(input, "is a post, not a community; list it under posts");

  if (name.size() > max_screen_name_length)
    return fail_for(input,
                    fmt::format("is too long for a screen name (at most {} characters)", max_screen_name_length));
  bool has_letter = false;
  for (char c : name) {
    if (!is_screen_name_char(c))
      return fail_for(input,
                      "is not a community reference (screen names use only latin letters, "
                      "digits, '_' and '.')");
    has_letter = has_letter || (c >= 'a' && c <= 'z');
  }
  if (!has_letter) return fail_for(input, "is not a community reference (a screen name needs a latin letter)");
  return GroupRef{std::string(name)};
}

bool has_inner_space(std::string_view text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) return true;
  }
  return false;
}

GroupResult from_text(std::string_view input) {
  const auto text = trim_ascii_space(input);
  if (text.empty()) return unexpected("empty community reference");
  if (has_inner_space(text)) return fail_for(input, "contains spaces or control characters");

  if (looks_like_link(text)) {
    const auto link = parse_vk_link(text);
    if (!link) return fail_for(input, link.error());
    if (link->w && parse_wall_id(*link->w)) return fail_for(input, "is a link to a post; list it under posts");
    if (is_all_digits(link->page)) return fail_for(input, "is not a community page");
    return from_page_name(input, link->page);
  }
  if (text.starts_with('@')) {
    const auto name = lowercase_ascii(text.substr(1));
    if (is_all_digits(name))
      return fail_for(input, "is not a community reference (a screen name needs a latin letter)");
    return from_page_name(input, name);
  }
  const bool negative = text.starts_with('-');
  if (is_all_digits(negative ? text.substr(1) : text)) {
    const auto id = parse_positive_vk_id(negative ? text.substr(1) : text);
    if (!id) return fail_for(input, id.error());
    return GroupRef{*id};
  }
  return from_page_name(input, lowercase_ascii(text));
}
}  // namespace

Result<GroupRef> parse_group_ref(const GroupInput& input) {
  if (const auto* number = std::get_if<std::int64_t>(&input)) return from_owner_id(*number);
  return from_text(std::get<std::string>(input));
}

NormalizedRefs<GroupRef> normalize_group_refs(const std::vector<GroupInput>& inputs) {
  NormalizedRefs<GroupRef> out;
  std::set<std::int64_t> seen_ids;
  std::set<std::string, std::less<>> seen_names;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto group = parse_group_ref(inputs[i]);
    if (!group) {
      out.problems.push_back({i, group.error()});
      continue;
    }
    const bool first = std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::int64_t>)
            return seen_ids.insert(v).second;
          else
            return seen_names.insert(v).second;
        },
        group->value);
    if (first) out.refs.push_back(std::move(group).value());
  }
  return out;
}

std::string to_string(const GroupRef& group) {
  if (const auto* id = std::get_if<std::int64_t>(&group.value)) return std::to_string(*id);
  return std::get<std::string>(group.value);
}

std::string group_url(const GroupRef& group) {
  if (const auto* id = std::get_if<std::int64_t>(&group.value)) return fmt::format("https://vk.com/club{}", *id);
  return fmt::format("https://vk.com/{}", std::get<std::string>(group.value));
}

}  // namespace vka::domain
