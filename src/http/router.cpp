#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace vka::http {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) segments.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Fills `params` when `path` fits `pattern`.
bool fits(std::string_view pattern, std::string_view path, std::map<std::string, std::string, std::less<>>& params) {
  const auto want = split_path(pattern);
  const auto have = split_path(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string, std::less<>> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (is_parameter(want[i]))
      found.emplace(std::string{want[i].substr(1, want[i].size() - 2)}, std::string{have[i]});
    else if (want[i] != have[i])
      return false;
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, std::size_t max_body_bytes) {
  add(std::move(method), std::move(pattern), Endpoint{std::move(handler)}, max_body_bytes);
}

void Router::add(std::string method, std::string pattern, Endpoint endpoint, std::size_t max_body_bytes) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with '/'");
  routes_.push_back({std::move(method), std::move(pattern), std::move(endpoint.handler), max_body_bytes,
                     endpoint.access, endpoint.cost, std::move(endpoint.query_names)});
}

void Router::set_fallback(std::string label, Handler handler) {
  fallback_ = Route{"GET", std::move(label), std::move(handler)};
  fallback_->query_names = std::nullopt;
}

std::size_t Router::max_body_bytes(std::string_view method, std::string_view path) const {
  std::map<std::string, std::string, std::less<>> ignored;
  for (const auto& route : routes_)
    if (route.method == method && fits(route.pattern, path, ignored)) return route.max_body_bytes;
  return 0;
}

Router::Match Router::match(Request& request) const {
  Match match;
  const auto method = request.method == "HEAD" ? std::string_view{"GET"} : std::string_view{request.method};
  for (const auto& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    if (!fits(route.pattern, request.path, params)) continue;
    if (route.method == method) {
      request.route = route.pattern;
      request.path_params = std::move(params);
      match.route = &route;
      return match;
    }
    if (std::find(match.allowed_methods.begin(), match.allowed_methods.end(), route.method) ==
        match.allowed_methods.end())
      match.allowed_methods.push_back(route.method);
  }
  if (fallback_ && match.allowed_methods.empty() && method == "GET") {
    request.route = fallback_->pattern;
    match.route = &*fallback_;
  }
  return match;
}

}  // namespace vka::http
