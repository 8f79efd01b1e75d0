#pragma once
// Routes "/api/v1/tasks/{id}/cancel"-style patterns to handlers; tells 404 from 405.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace vka::http {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);

  struct Match {
    const Route* route = nullptr;              // set when method and path matched
    std::vector<std::string> allowed_methods;  // when only the path matched (405)
  };
  // On a match fills request.route and request.path_params.
  Match match(Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace vka::http
