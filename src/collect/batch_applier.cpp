#include "collect/batch_applier.hpp"

#include <algorithm>
#include <set>

#include "collect/comment_paging.hpp"
#include "collect/convert.hpp"
#include "collect/error_scope.hpp"
#include "vk/parse.hpp"

namespace vka::collect {

namespace {

domain::TaskError task_error(std::string scope, const vk::VkFailure& f) {
  return {std::move(scope), f.code, f.vk_error_code, f.message, domain::now()};
}

domain::TaskError task_error(std::string scope, std::string code, std::string message) {
  return {std::move(scope), std::move(code), std::nullopt, std::move(message), domain::now()};
}

store::LinkStatus status_for(const vk::VkFailure& f) {
  return f.action == vk::ErrorAction::fail ? store::LinkStatus::failed : store::LinkStatus::skipped;
}

// Why VK's answer about a community keeps it out of collection, if it does.
std::optional<domain::TaskError> refusal(const vk::Group& group) {
  const std::string scope = community_scope(group.id);
  if (group.deactivated) {
    const bool banned = *group.deactivated == "banned";
    return task_error(
        scope, banned ? "vk_content_blocked" : "vk_not_found",
        "the community is " + std::string(banned ? "banned" : "deleted") + " (" + *group.deactivated + ")");
  }
  if (group.is_closed == vk::GroupAccess::private_)
    return task_error(scope, "vk_group_access_denied", "the community is private");
  return std::nullopt;
}

template <class T>
std::optional<T> parsed(const CallResult& result, domain::Result<T, vk::ParseError> (*parse)(const vk::Payload&),
                        std::optional<vk::VkFailure>& failure) {
  if (const auto* f = std::get_if<vk::VkFailure>(&result)) {
    failure = *f;
    return std::nullopt;
  }
  auto value = parse(std::get<vk::Payload>(result));
  if (!value) {
    failure = vk::failure_from(value.error());
    return std::nullopt;
  }
  return std::move(value).value();
}

template <class Lanes, class Match>
auto find_lane(Lanes& lanes, Match&& match) {
  return std::find_if(lanes.begin(), lanes.end(), match);
}

}  // namespace

struct BatchApplier::Visitor {
  BatchApplier& self;
  BatchReport& report;
  const CallResult& result;
  BatchAnalysis& analysis;
  std::size_t index;  // of the call in the batch

  // True when the failure is the item's own (record it and skip the item); false when the batch must
  // stop for now (transient) or for good (no usable token).
  bool item_failure(const vk::VkFailure& f) {
    if (is_token_exhaustion(f)) {
      if (!report.no_token) report.no_token = f;
      return false;
    }
    if (is_transient(f)) {
      if (!report.transient) report.transient = f;
      return false;
    }
    ++report.progressed;
    return true;
  }

  // The posts the write opened (new to the task, or with a changed comments count) get their comments read.
  void add_comment_lanes(const store::WriteResult& written) {
    for (const auto& [owner_id, post_id] : written.opened) {
      auto& lanes = self.work_.comments;
      const auto existing =
          find_lane(lanes, [&](const CommentsLane& l) { return l.owner_id == owner_id && l.post_id == post_id; });
      if (existing == lanes.end()) lanes.push_back({owner_id, post_id, {}});
    }
  }

  void operator()(const ResolveCall& call) {
    std::optional<vk::VkFailure> failure;
    auto name = parsed(result, &vk::parse_resolve_screen_name, failure);
    if (!name) {
      if (!item_failure(*failure)) return;
      self.writer_.skip_community(0, status_for(*failure), task_error(screen_name_scope(call.name), *failure));
    } else if (!*name || ((*name)->type != "group" && (*name)->type != "page" && (*name)->type != "event")) {
      ++report.progressed;
      const std::string what = *name ? "names a " + (*name)->type + ", not a community" : "is unknown to VK";
      self.writer_.skip_community(
          0, store::LinkStatus::skipped,
          task_error(screen_name_scope(call.name), "vk_not_found", "\"" + call.name + "\" " + what));
    } else {
      ++report.progressed;
      const std::int64_t id = (*name)->object_id;
      auto& walls = self.work_.walls;
      const auto wall = find_lane(walls, [&](const WallLane& w) { return w.community_id == id; });
      if (wall != walls.end()) {
        wall->checkpoint.names.push_back(call.name);  // stored with the wall's next page
      } else {
        self.work_.names_of[id].push_back(call.name);
        auto& lookups = self.work_.lookups;
        if (std::find(lookups.begin(), lookups.end(), id) == lookups.end()) lookups.push_back(id);
      }
    }
    std::erase(self.work_.names, call.name);
  }

  void operator()(const LookupCall& call) {
    std::optional<vk::VkFailure> failure;
    auto groups = parsed(result, &vk::parse_groups_get_by_id, failure);
    auto& work = self.work_;
    const auto settled = [&] {
      for (std::int64_t id : call.ids) {
        std::erase(work.lookups, id);
        std::erase(work.single_lookups, id);
        work.names_of.erase(id);
      }
    };
    if (!groups) {
      if (!item_failure(*failure)) return;
      if (call.ids.size() > 1) {  // one bad id may spoil the lot: ask for each on its own
        for (std::int64_t id : call.ids) {
          std::erase(work.lookups, id);
          work.single_lookups.push_back(id);
        }
        return;
      }
      self.writer_.skip_community(call.ids.front(), status_for(*failure),
                                  task_error(community_scope(call.ids.front()), *failure));
      settled();
      return;
    }
    ++report.progressed;
    std::vector<store::CommunityLink> links;
    std::vector<std::pair<domain::Community, std::optional<domain::TaskError>>> found;
    for (std::int64_t id : call.ids) {
      const auto group = std::find_if(groups->begin(), groups->end(), [&](const vk::Group& g) { return g.id == id; });
      if (group == groups->end()) {
        self.writer_.skip_community(
            id, store::LinkStatus::skipped,
            task_error(community_scope(id), "vk_not_found", "VK knows no community with this id"));
        continue;
      }
      found.emplace_back(to_community(*group), refusal(*group));
      links.push_back({found.back().first, store::LinkStatus::pending, std::nullopt});
    }
    if (!links.empty()) self.writer_.link_communities(std::move(links));
    for (auto& [community, refused] : found) {
      const bool lane_exists = std::any_of(work.walls.begin(), work.walls.end(),
                                           [&](const WallLane& w) { return w.community_id == community.id; });
      if (lane_exists) continue;
      WallCheckpoint checkpoint;
      if (const auto names = work.names_of.find(community.id); names != work.names_of.end())
        checkpoint.names = names->second;
      self.writer_.save_resolved(community, checkpoint);
      if (refused) {
        self.writer_.skip_community(community.id, store::LinkStatus::skipped, std::move(*refused));
      } else {
        work.walls.push_back({community.id, checkpoint});
      }
    }
    settled();
  }

  void operator()(const PostsByIdCall& call) {
    std::optional<vk::VkFailure> failure;
    auto list = parsed(result, &vk::parse_wall_get_by_id, failure);
    auto& work = self.work_;
    const auto settled = [&] {
      for (const domain::PostRef& ref : call.posts) {
        std::erase(work.named_posts, ref);
        std::erase(work.single_posts, ref);
      }
    };
    if (!list) {
      if (!item_failure(*failure)) return;
      if (call.posts.size() > 1) {
        for (const domain::PostRef& ref : call.posts) {
          std::erase(work.named_posts, ref);
          work.single_posts.push_back(ref);
        }
        return;
      }
      const domain::PostRef& ref = call.posts.front();
      self.writer_.skip_post(ref.owner_id, ref.post_id, status_for(*failure),
                             task_error(post_scope(ref.owner_id, ref.post_id), *failure));
      settled();
      return;
    }
    ++report.progressed;
    std::vector<domain::Post> posts;
    for (const vk::Post& post : list->items) posts.push_back(to_post(post));
    if (!posts.empty())
      add_comment_lanes(self.writer_.save_named_posts(posts, authors_of(list->profiles, list->groups)));
    for (const domain::PostRef& ref : call.posts) {
      const bool returned = std::any_of(posts.begin(), posts.end(), [&](const domain::Post& p) {
        return p.owner_id == ref.owner_id && p.id == ref.post_id;
      });
      if (!returned)
        self.writer_.skip_post(ref.owner_id, ref.post_id, store::LinkStatus::skipped,
                               task_error(post_scope(ref.owner_id, ref.post_id), "vk_not_found",
                                          "VK returned no such post (deleted or not accessible)"));
    }
    settled();
  }

  void operator()(const WallCall& call) {
    auto& walls = self.work_.walls;
    const auto lane = find_lane(walls, [&](const WallLane& w) { return w.community_id == call.community_id; });
    if (lane == walls.end()) return;
    std::optional<vk::VkFailure> failure;
    auto page = parsed(result, &vk::parse_wall_get, failure);
    if (!page) {
      if (!item_failure(*failure)) return;
      if (lane->checkpoint.offset != call.offset) return;  // a later page of a wall already closed
      self.writer_.skip_community(call.community_id, status_for(*failure),
                                  task_error(community_scope(call.community_id), *failure));
      walls.erase(lane);
      return;
    }
    auto step = apply_wall_page(lane->checkpoint, call.offset, *page, self.options_.window);
    if (!step) return;
    ++report.progressed;
    lane->checkpoint = step->next;
    if (step->stale) return;
    std::vector<domain::Post> posts;
    for (const vk::Post& post : step->taken) posts.push_back(to_post(post));
    add_comment_lanes(self.writer_.save_wall(call.community_id, posts, authors_of(page->profiles, page->groups),
                                             step->next, step->done));
    if (step->done) walls.erase(lane);
  }

  template <class Step>
  void save_comments(std::vector<CommentsLane>::iterator lane, Step& step, const vk::CommentsPage& page) {
    ++report.progressed;
    lane->checkpoint = step.next;
    self.hold_comments(lane->owner_id, lane->post_id, std::move(step.comments), authors_of(page.profiles, page.groups),
                       step.next);
    if (step.next.done()) self.work_.comments.erase(lane);
  }

  std::vector<CommentsLane>::iterator comments_lane(std::int64_t owner_id, std::int64_t post_id) {
    return find_lane(self.work_.comments,
                     [&](const CommentsLane& l) { return l.owner_id == owner_id && l.post_id == post_id; });
  }

  void comments_refused(std::vector<CommentsLane>::iterator lane, const vk::VkFailure& f) {
    self.writer_.skip_post(lane->owner_id, lane->post_id, status_for(f),
                           task_error(post_scope(lane->owner_id, lane->post_id), f));
    self.work_.comments.erase(lane);
  }

  void operator()(const TopCommentsCall& call) {
    const auto lane = comments_lane(call.owner_id, call.post_id);
    if (lane == self.work_.comments.end()) return;
    AnalysedResult analysed = analysis.take(index);
    if (const auto* failure = std::get_if<vk::VkFailure>(&analysed)) {
      self.write_held_comments();  // before the refusal, in call order
      if (item_failure(*failure) && lane->checkpoint.offset == call.offset && !lane->checkpoint.top_done)
        comments_refused(lane, *failure);
      return;
    }
    auto& [page, comments] = std::get<AnalysedPage>(analysed);
    auto step = apply_top_page(lane->checkpoint, call.offset, page, self.options_.follow_threads, std::move(comments));
    if (step) save_comments(lane, *step, page);
  }

  void operator()(const BranchCall& call) {
    const auto lane = comments_lane(call.owner_id, call.post_id);
    if (lane == self.work_.comments.end()) return;
    AnalysedResult analysed = analysis.take(index);
    if (const auto* failure = std::get_if<vk::VkFailure>(&analysed)) {
      self.write_held_comments();  // before the refusal, in call order
      if (!item_failure(*failure)) return;
      // This branch alone is refused: record it and let the rest of the post go on.
      auto& threads = lane->checkpoint.threads;
      const auto thread = std::find_if(threads.begin(), threads.end(), [&](const ThreadCursor& t) {
        return t.comment_id == call.comment_id && t.offset == call.offset;
      });
      if (thread == threads.end()) return;
      threads.erase(thread);
      self.writer_.skip_post(call.owner_id, call.post_id, store::LinkStatus::running,
                             task_error(post_scope(call.owner_id, call.post_id), *failure));
      CommentsStep step{{}, lane->checkpoint};
      save_comments(lane, step, vk::CommentsPage{});
      return;
    }
    auto& [page, comments] = std::get<AnalysedPage>(analysed);
    auto step = apply_branch_page(lane->checkpoint, call.comment_id, call.offset, page, std::move(comments));
    if (step) save_comments(lane, *step, page);
  }
};

BatchApplier::BatchApplier(PendingWork& work, PageWriter& writer, const PlanOptions& options)
    : work_(work), writer_(writer), options_(options) {}

BatchReport BatchApplier::apply(const std::vector<PlannedCall>& calls, const std::vector<CallResult>& results,
                                BatchAnalysis& analysis) {
  BatchReport report;
  for (std::size_t i = 0; i < calls.size() && i < results.size(); ++i) {
    if (!holds_comments_of(calls[i])) write_held_comments();
    Visitor visitor{*this, report, results[i], analysis, i};
    std::visit(visitor, calls[i].tag);
  }
  write_held_comments();
  return report;
}

void BatchApplier::hold_comments(std::int64_t owner_id, std::int64_t post_id, std::vector<domain::Comment> comments,
                                 std::vector<domain::Author> authors, const CommentsCheckpoint& checkpoint) {
  if (held_ && (held_->owner_id != owner_id || held_->post_id != post_id)) write_held_comments();
  if (!held_) held_ = HeldComments{owner_id, post_id, {}, {}, {}, 0};
  held_->comments.insert(held_->comments.end(), std::make_move_iterator(comments.begin()),
                         std::make_move_iterator(comments.end()));
  held_->authors.insert(held_->authors.end(), std::make_move_iterator(authors.begin()),
                        std::make_move_iterator(authors.end()));
  held_->checkpoint = checkpoint;
  if (++held_->pages == pages_written_together) write_held_comments();
}

bool BatchApplier::holds_comments_of(const PlannedCall& call) const {
  if (!held_) return false;
  const auto of_held_post = [&](const auto& page) {
    return page.owner_id == held_->owner_id && page.post_id == held_->post_id;
  };
  if (const auto* top = std::get_if<TopCommentsCall>(&call.tag)) return of_held_post(*top);
  if (const auto* branch = std::get_if<BranchCall>(&call.tag)) return of_held_post(*branch);
  return false;
}

void BatchApplier::write_held_comments() {
  if (!held_) return;
  HeldComments held = std::move(*held_);
  held_.reset();
  writer_.save_comments(held.owner_id, held.post_id, std::move(held.comments), std::move(held.authors),
                        held.checkpoint);
}

}  // namespace vka::collect
