#pragma once
// Routes "/api/v1/tasks/{id}/cancel"-style patterns to handlers; tells 404 from 405.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace vka::http {

using Handler = std::function<Response(Request&)>;

// Known from the header alone, so that a request is admitted before its body is read.
// probe: open and never limited (health checks, metrics).
enum class Access { probe, open, credential };
enum class Cost { cheap, expensive };  // expensive: its own limits and its own threads

struct Endpoint {
  Handler handler;
  Access access = Access::open;
  Cost cost = Cost::cheap;
  // The query parameters it takes (http/query_names.hpp): any other is a 400; nullopt takes any.
  std::optional<std::vector<std::string>> query_names = std::vector<std::string>{};

  Endpoint taking(std::vector<std::string> names) && {
    query_names = std::move(names);
    return std::move(*this);
  }
  // For handlers that read parameters they do not know in advance (the VK simulator's methods).
  Endpoint taking_any() && {
    query_names.reset();
    return std::move(*this);
  }
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  std::size_t max_body_bytes = 0;  // 0: the server's default limit
  Access access = Access::open;
  Cost cost = Cost::cheap;
  std::optional<std::vector<std::string>> query_names = std::vector<std::string>{};  // as Endpoint's
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler, std::size_t max_body_bytes = 0);
  void add(std::string method, std::string pattern, Endpoint endpoint, std::size_t max_body_bytes = 0);
  // Where GET and HEAD requests that no route's pattern fits go (the dashboard's files); `label`
  // stands for the path in logs and metrics.
  void set_fallback(std::string label, Handler handler);
  // The body limit of the route a request will reach (0 when it has none of its own or matches none).
  std::size_t max_body_bytes(std::string_view method, std::string_view path) const;

  struct Match {
    const Route* route = nullptr;              // set when method and path matched
    std::vector<std::string> allowed_methods;  // when only the path matched (405)
  };
  // On a match fills request.route and request.path_params.
  Match match(Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::optional<Route> fallback_;
};

}  // namespace vka::http
