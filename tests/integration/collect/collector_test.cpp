#include "collect/collector.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/json/parse.hpp>

#include <filesystem>

#include "collect/collect_handler.hpp"
#include "fake_vk.hpp"
#include "store/sqlite/connection.hpp"

namespace vka::collect {
namespace {

using testing::FakeComment;
using testing::FakeCommunity;
using testing::FakePost;
using testing::FakeVk;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vka-collect-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

const analysis::Analyzer& analyzer() {
  static const analysis::Analyzer instance(
      std::make_shared<const analysis::Lexicon>(analysis::Lexicon::load_builtin()));
  return instance;
}

FakeComment comment(std::int64_t id, std::string text = "хороший пост, спасибо") {
  return {id, 10 + id % 7, std::move(text), false, {}};
}

// Community 1 ("openclub"): a pinned old post, then posts 15..11 newest first. Post 15 has 250
// top-level comments, one with a 130-reply thread, one with 3 replies, one deleted; post 14 has its
// comments closed; post 13 has none; the pinned post 5 has two; post 12 (named by the task) one.
// Community 2 is deleted, community 3 answers wall.get with error 15.
void seed(FakeVk& vk) {
  FakeCommunity open{1, "Open club", "openclub", 0, std::nullopt, std::nullopt, {}};
  FakePost pinned{5, 1'600'000'000, true, false, 0, {comment(400), comment(401, "ужасно")}};
  FakePost big{15, 1'700'000'500, false, false, 0, {}};
  for (std::int64_t id = 100; id < 350; ++id) big.comments.push_back(comment(id));
  for (std::int64_t r = 0; r < 130; ++r) big.comments[0].replies.push_back(comment(1000 + r, "reply"));
  for (std::int64_t r = 0; r < 3; ++r) big.comments[1].replies.push_back(comment(2000 + r, "reply"));
  big.comments[2].deleted = true;
  FakePost closed{14, 1'700'000'400, false, true, 5, {}};
  FakePost empty{13, 1'700'000'300, false, false, 0, {}};
  FakePost named{12, 1'700'000'200, false, false, 0, {comment(500)}};
  FakePost old{11, 1'700'000'100, false, false, 0, {comment(600)}};
  open.wall = {pinned, big, closed, empty, named, old};
  vk.communities = {open,
                    {2, "Gone", "gone", 0, std::string("deleted"), std::nullopt, {}},
                    {3, "Members only", "members", 1, std::nullopt, 15, {}}};
}

class CollectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = store::open_store("sqlite://" + (dir_.path() / "test.db").string());
    store_->migrate();
    seed(vk_);
    GatewayOptions options;
    options.base_url = "http://vk.test/method";
    gateway_ = std::make_shared<VkGateway>(vk_, clock_, std::vector<TokenConfig>{{vk::AccessToken("secret"), 3}},
                                           options, nullptr, [] { return 0.5; });
    handler_ = make_collect_handler(*store_, analyzer(), gateway_, clock_);
  }

  std::string create_task(std::optional<std::string> vk_token_id = std::nullopt) {
    domain::Task task;
    task.params.vk_token_id = std::move(vk_token_id);
    task.id = "task-1";
    task.owner = "alice";
    task.created_at = domain::now();
    task.params.groups = {
        {std::int64_t{1}}, {std::string("openclub")}, {std::int64_t{2}}, {std::int64_t{3}}, {std::string("ghost")}};
    task.params.posts = {{-1, 12}, {-1, 99}};
    task.params.posts_per_group = 4;
    store_->tasks().create(task, {"task.created", "{}"}, {"collect", R"({"task_id":"task-1"})", 0, task.created_at});
    return task.id;
  }

  // Leases the next job and runs the handler on it; stop turns true after `stop_after` VK requests.
  jobs::JobResult run_job(int stop_after = -1) {
    auto job = store_->jobs().lease("worker", domain::now(), std::chrono::seconds(60));
    if (!job) throw std::runtime_error("no job to lease");
    leased_ = *job;
    stop_ = false;
    vk_.stop_flag = &stop_;
    vk_.stop_after = stop_after < 0 ? -1 : vk_.requests() + stop_after;
    jobs::JobContext context(leased_, lost_, stop_);
    const auto result = handler_(context);
    if (result.outcome == jobs::JobOutcome::yield) store_->jobs().release(leased_.token(), domain::now());
    if (result.outcome == jobs::JobOutcome::done) store_->jobs().complete(leased_.token(), domain::now());
    if (result.outcome == jobs::JobOutcome::failed) store_->jobs().fail(leased_.token(), result.error, domain::now());
    if (result.outcome == jobs::JobOutcome::wait) {
      // The wait passes at once in the store; on the gateway's clock it is spent.
      store_->jobs().postpone(leased_.token(), domain::now(), result.error, domain::now());
      clock_.advance(result.delay);
    }
    return result;
  }

  std::int64_t count(const std::string& sql) {
    store::sqlite::Connection c((dir_.path() / "test.db").string(), 5000);
    store::sqlite::Rows rows = c.query(sql);
    rows.next();
    return rows.int64(0);
  }

  // crashed: requests whose write a crash refused are not counted.
  void expect_complete_dataset(bool crashed = false) {
    const auto task = store_->tasks().get("task-1");
    ASSERT_TRUE(task);
    EXPECT_EQ(task->status, domain::TaskStatus::completed_with_errors);
    EXPECT_TRUE(task->finished_at);
    // pinned 5, 15, 14, 13 from the wall (posts_per_group 4) and 12 by name.
    EXPECT_EQ(count("SELECT COUNT(*) FROM posts"), 5);
    EXPECT_EQ(count("SELECT COUNT(*) FROM task_posts WHERE task_id = 'task-1'"), 5);
    EXPECT_EQ(count("SELECT COUNT(*) FROM posts WHERE id = 11"), 0);
    // 250 + 130 + 3 on post 15, 2 on post 5, 1 on post 12.
    EXPECT_EQ(count("SELECT COUNT(*) FROM comments"), 386);
    EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE thread_root_id = 100 AND parent_id = 100"), 130);
    EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE thread_root_id = 101"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE thread_root_id IS NULL AND parent_id IS NULL"), 253);
    EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE deleted = 1"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE deleted = 0 AND sentiment IS NULL"), 0);
    EXPECT_EQ(task->progress.comments_collected, 386);
    EXPECT_EQ(task->progress.posts_found, 5);
    EXPECT_EQ(task->progress.posts_done, 5);
    EXPECT_EQ(task->progress.groups_total, 3);
    EXPECT_EQ(task->progress.groups_done, 3);
    if (crashed) {
      EXPECT_LT(task->progress.vk_requests, vk_.requests());
    } else {
      EXPECT_EQ(task->progress.vk_requests, vk_.requests());
    }
    std::map<std::string, std::string> errors;
    for (const auto& e : task->errors) errors[e.scope] = e.code;
    EXPECT_EQ(errors, (std::map<std::string, std::string>{{"group:-2", "vk_not_found"},
                                                          {"group:-3", "vk_access_denied"},
                                                          {"group:ghost", "vk_not_found"},
                                                          {"post:-1_14", "vk_comments_closed"},
                                                          {"post:-1_99", "vk_not_found"}}));
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  FakeVk vk_;
  vk::VirtualClock clock_;
  std::shared_ptr<VkGateway> gateway_;
  jobs::JobHandler handler_;
  store::LeasedJob leased_;
  std::atomic<bool> lost_{false};
  std::atomic<bool> stop_{false};
};

TEST_F(CollectorTest, CollectsEveryPostCommentAndReplyExactlyOnce) {
  create_task();
  EXPECT_EQ(run_job().outcome, jobs::JobOutcome::done);
  expect_complete_dataset();
  // 1 probe; then few execute batches: the 25x lever at work.
  EXPECT_LE(vk_.requests(), 12);
  // post 15: 3 top pages + 2 branch pages; posts 5, 14 (closed), 12, and 13, which VK says has none.
  EXPECT_EQ(vk_.calls("wall.getComments"), 3 + 2 + 1 + 1 + 1 + 1);
  const auto events = store_->events().list("task-1", 0, 1000);
  std::set<std::string> types;
  for (const auto& e : events) types.insert(e.type);
  for (const char* type : {"task.started", "group.resolved", "post.collected", "comments.ingested", "task.completed"})
    EXPECT_TRUE(types.contains(type)) << type;
}

TEST_F(CollectorTest, ConsecutivePagesOfAPostAreWrittenTogetherAFewAtATime) {
  FakePost& big = vk_.communities[0].wall[1];
  ASSERT_EQ(big.id, 15);
  big.comments.clear();
  for (std::int64_t id = 10'000; id < 11'000; ++id) big.comments.push_back(comment(id));  // ids unique on the wall
  create_task();
  EXPECT_EQ(run_job().outcome, jobs::JobOutcome::done);

  std::vector<std::int64_t> written;  // the comments each write of post 15 counted, in order
  bool last_done = false;
  for (const auto& event : store_->events().list("task-1", 0, 1000)) {
    if (event.type != "comments.ingested") continue;
    const boost::json::object payload = boost::json::parse(event.payload_json).as_object();
    if (payload.at("post_id").as_int64() != 15) continue;
    written.push_back(payload.at("comments").as_int64());
    last_done = payload.at("post_done").as_bool();
  }
  // The first page tells how many comments there are; the other nine pages come in one batch and are written
  // three at a time; an empty page past the end closes the post.
  EXPECT_EQ(written, (std::vector<std::int64_t>{100, 300, 300, 300, 0}));
  EXPECT_TRUE(last_done);
  EXPECT_EQ(vk_.calls("wall.getComments"), 11 + 1 + 1 + 1 + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE post_id = 15"), 1000);
  EXPECT_EQ(store_->tasks().get("task-1")->progress.comments_collected, 1003);
}

TEST_F(CollectorTest, ATaskNamingAStoredTokenSendsOnlyWithThatToken) {
  CollectorSettings settings;
  settings.task_token = [](std::string_view id) -> std::optional<TokenConfig> {
    if (id != "vtk_own") return std::nullopt;
    return TokenConfig{vk::AccessToken("own-secret"), 3};
  };
  handler_ = make_collect_handler(*store_, analyzer(), gateway_, clock_, settings);
  create_task("vtk_own");
  EXPECT_EQ(run_job().outcome, jobs::JobOutcome::done);
  expect_complete_dataset();
  EXPECT_EQ(vk_.requests_with("own-secret"), vk_.requests());
  EXPECT_EQ(vk_.requests_with("secret"), 0) << "the default token is not the task's";
}

TEST_F(CollectorTest, ATaskWhoseStoredTokenIsGoneFailsWithoutARequest) {
  CollectorSettings settings;
  settings.task_token = [](std::string_view) { return std::optional<TokenConfig>(); };
  handler_ = make_collect_handler(*store_, analyzer(), gateway_, clock_, settings);
  create_task("vtk_deleted");
  const auto result = run_job();
  EXPECT_EQ(result.outcome, jobs::JobOutcome::failed) << "a failed task fails its job, which metrics count";
  EXPECT_NE(result.error.find("vtk_deleted"), std::string::npos);
  const auto task = store_->tasks().get("task-1");
  EXPECT_EQ(task->status, domain::TaskStatus::failed);
  ASSERT_EQ(task->errors.size(), 1u);
  EXPECT_EQ(task->errors[0].code, "vk_no_usable_token");
  EXPECT_EQ(vk_.requests(), 0);
}

TEST_F(CollectorTest, WaitsWhileVkIsUnreachableWithoutUsingUpAttemptsThenCollectsEverything) {
  create_task();
  EXPECT_EQ(run_job(3).outcome, jobs::JobOutcome::yield);
  const auto errors_before = store_->tasks().get("task-1")->errors.size();
  vk_.unreachable = true;
  for (int wait = 0; wait < 30; ++wait) {  // far more than any job's attempts would allow
    const auto result = run_job();
    ASSERT_EQ(result.outcome, jobs::JobOutcome::wait);
    EXPECT_EQ(leased_.attempts, 1) << "a wait does not count as an attempt";
    EXPECT_GE(result.delay, std::chrono::seconds(1));
    EXPECT_LE(result.delay, std::chrono::seconds(60));
    const auto task = store_->tasks().get("task-1");
    EXPECT_EQ(task->status, domain::TaskStatus::running);
    ASSERT_TRUE(task->waiting);
    EXPECT_EQ(task->waiting->reason, "VK unreachable: connect to vk.test failed: Connection refused");
    EXPECT_EQ(result.error, task->waiting->reason);
    EXPECT_EQ(task->errors.size(), errors_before) << "waiting loses nothing, so it is no error";
  }

  vk_.unreachable = false;
  for (int runs = 0; store_->tasks().get("task-1")->status == domain::TaskStatus::running; ++runs) {
    ASSERT_LT(runs, 10);
    ASSERT_NE(run_job().outcome, jobs::JobOutcome::wait);
  }
  expect_complete_dataset();
  EXPECT_FALSE(store_->tasks().get("task-1")->waiting);
  int waiting_events = 0;
  for (const auto& event : store_->events().list("task-1", 0, 1000))
    if (event.type == "task.waiting") ++waiting_events;
  EXPECT_EQ(waiting_events, 31) << "each wait, then its end";
}

TEST_F(CollectorTest, ResumesFromCheckpointsAfterEveryInterruption) {
  create_task();
  int runs = 0;
  for (;;) {
    ++runs;
    ASSERT_LT(runs, 50);
    const auto result = run_job(1);  // stop after each request, then a new lease resumes
    if (result.outcome == jobs::JobOutcome::done) break;
    ASSERT_EQ(result.outcome, jobs::JobOutcome::yield);
  }
  EXPECT_GE(runs, 4);
  expect_complete_dataset();
}

TEST_F(CollectorTest, CrashBetweenAnswerAndWriteLosesNothingAndDuplicatesNothing) {
  std::int64_t reported_comments = 0;  // what the metrics hear
  CollectorSettings settings;
  settings.on_stored = [&](const domain::TaskProgress& counted) { reported_comments += counted.comments_collected; };
  handler_ = make_collect_handler(*store_, analyzer(), gateway_, clock_, settings);
  create_task();
  for (int crash_at = 2; crash_at <= 6; ++crash_at) {
    // The worker "dies" right after VK answered: its lease expires and another worker takes the job, so
    // the old worker's writes are refused; the new one resumes from the last committed checkpoint.
    std::optional<store::LeasedJob> taken_over;
    vk_.hook_at = vk_.requests() + 1;
    vk_.hook = [&] {
      taken_over = store_->jobs().lease("other", domain::now() + std::chrono::minutes(5), std::chrono::seconds(60));
    };
    if (store_->tasks().get("task-1")->status == domain::TaskStatus::completed_with_errors) break;
    run_job();
    ASSERT_TRUE(taken_over) << crash_at;
    store_->jobs().release(taken_over->token(), domain::now());
  }
  vk_.hook = nullptr;
  for (int runs = 0; store_->tasks().get("task-1")->status != domain::TaskStatus::completed_with_errors; ++runs) {
    ASSERT_LT(runs, 10);
    run_job();
  }
  expect_complete_dataset(true);
  EXPECT_EQ(reported_comments, 386) << "refused writes are never reported";
}

TEST_F(CollectorTest, PausedOrCanceledTaskSendsNoRequest) {
  const std::string id = create_task();
  const auto paused = store_->tasks().transition(
      id, {domain::TaskStatus::queued, domain::TaskStatus::paused, domain::now(), {}, {}, {"task.paused", "{}"}, {}});
  ASSERT_EQ(paused.outcome, store::TransitionResult::Outcome::applied);
  EXPECT_EQ(run_job().outcome, jobs::JobOutcome::done);
  EXPECT_EQ(vk_.requests(), 0);
  const auto canceled =
      store_->tasks().transition(id, {domain::TaskStatus::paused,
                                      domain::TaskStatus::canceled,
                                      domain::now(),
                                      {},
                                      domain::now(),
                                      {"task.canceled", "{}"},
                                      store::NewJob{"collect", R"({"task_id":"task-1"})", 0, domain::now()}});
  ASSERT_EQ(canceled.outcome, store::TransitionResult::Outcome::applied);
  EXPECT_EQ(run_job().outcome, jobs::JobOutcome::done);
  EXPECT_EQ(vk_.requests(), 0);
  EXPECT_EQ(store_->tasks().get(id)->status, domain::TaskStatus::canceled);
}

TEST_F(CollectorTest, PauseMidwayStopsAtTheNextBatch) {
  const std::string id = create_task();
  EXPECT_EQ(run_job(3).outcome, jobs::JobOutcome::yield);
  const auto paused = store_->tasks().transition(
      id, {domain::TaskStatus::running, domain::TaskStatus::paused, domain::now(), {}, {}, {"task.paused", "{}"}, {}});
  ASSERT_EQ(paused.outcome, store::TransitionResult::Outcome::applied);
  const int sent = vk_.requests();
  EXPECT_EQ(run_job().outcome, jobs::JobOutcome::done);
  EXPECT_EQ(vk_.requests(), sent);
}

}  // namespace
}  // namespace vka::collect
