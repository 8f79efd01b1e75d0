#include "domain/vk_link.hpp"

#include <array>

#include "domain/ref_text.hpp"

namespace vka::domain {

namespace {
constexpr std::array<std::string_view, 6> vk_hosts{"vk.com", "m.vk.com", "www.vk.com", "vk.ru", "m.vk.ru", "www.vk.ru"};

bool is_vk_host(std::string_view host) {
  for (auto known : vk_hosts)
    if (host == known) return true;
  return false;
}

// Strips "http://" or "https://"; text must already be lowercase.
std::string_view without_scheme(std::string_view text) {
  for (std::string_view scheme : {"https://", "http://"})
    if (text.starts_with(scheme)) return text.substr(scheme.size());
  return text;
}

std::optional<std::string> query_parameter(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto pair = query.substr(0, amp);
    const auto eq = pair.find('=');
    if (pair.substr(0, eq) == name && eq != std::string_view::npos) return std::string(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}
}  // namespace

bool looks_like_link(std::string_view text) {
  const std::string lower = lowercase_ascii(text);
  const std::string_view rest = without_scheme(lower);
  if (rest.size() != lower.size()) return true;
  const auto host_end = rest.find_first_of("/?#");
  return is_vk_host(rest.substr(0, host_end));
}

Result<VkLink> parse_vk_link(std::string_view text) {
  const std::string lower = lowercase_ascii(text);
  std::string_view rest = without_scheme(lower);
  const auto host_end = rest.find_first_of("/?#");
  const auto host = rest.substr(0, host_end);
  if (!is_vk_host(host)) return unexpected("is not a link to vk.com or vk.ru");
  rest = host_end == std::string_view::npos ? std::string_view{} : rest.substr(host_end);

  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  std::string_view query;
  if (const auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (rest.starts_with('/')) rest.remove_prefix(1);
  if (rest.ends_with('/')) rest.remove_suffix(1);
  if (rest.find('/') != std::string_view::npos)
    return unexpected("points inside a page; give the page's own link (e.g. https://vk.com/apiclub)");

  VkLink link;
  link.page = std::string(rest);
  link.w = query_parameter(query, "w");
  return link;
}

}  // namespace vka::domain
