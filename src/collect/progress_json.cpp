#include "collect/progress_json.hpp"

#include <boost/json/value.hpp>

#include "domain/shown_progress.hpp"

namespace vka::collect {

boost::json::object progress_to_json(const domain::TaskProgress& progress, bool finished) {
  const auto p = domain::as_shown(progress);
  return {
      {"groups_total", p.groups_total},
      {"groups_done", p.groups_done},
      {"posts_found", p.posts_found},
      {"posts_done", p.posts_done},
      {"comments_expected", p.comments_expected},
      {"comments_collected", p.comments_collected},
      {"vk_requests", p.vk_requests},
      {"retries", p.retries},
      {"eta_seconds", p.eta_seconds && !finished ? boost::json::value(*p.eta_seconds) : boost::json::value(nullptr)}};
}

}  // namespace vka::collect
