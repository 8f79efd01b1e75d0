// Collection write throughput: one comments page (rows, authors, checkpoint, progress and event in one
// fenced transaction) of N new comments, and the same page replayed. Runs on the database that
// VKA_BENCH_DATABASE_URL names (a throwaway one: it is migrated and filled), else on a temporary SQLite file.
//   scripts/with-postgres sh -c 'VKA_BENCH_DATABASE_URL=$VKA_TEST_DATABASE_URL build/bench/bench_store_comment_pages'
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace {

using namespace vka;

std::string database_url() {
  if (const char* url = std::getenv("VKA_BENCH_DATABASE_URL"); url && *url) return url;
  std::string dir = (std::filesystem::temp_directory_path() / "vka-bench-XXXXXX").string();
  if (!mkdtemp(dir.data())) throw std::runtime_error("mkdtemp failed");
  return "sqlite://" + dir + "/bench.db";
}

struct Fixture {
  std::unique_ptr<store::Store> store;
  store::LeaseToken lease;
  std::string task_id;
};

Fixture& fixture() {
  static Fixture f = [] {
    Fixture made;
    made.store = store::open_store(database_url());
    made.store->migrate();
    made.task_id = "bench-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
    domain::Task task;
    task.id = made.task_id;
    task.owner = "bench";
    task.created_at = domain::now();
    made.store->tasks().create(task, {"task.created", "{}"}, {"collect", "{}", 1000, task.created_at});
    made.lease = made.store->jobs().lease("bench", domain::now(), std::chrono::hours(1))->token();
    return made;
  }();
  return f;
}

store::EventBuilder event() {
  return [](const domain::TaskProgress&) { return store::NewEvent{"comments.ingested", "{}"}; };
}

store::CommentsPageWrite page(const Fixture& f, std::int64_t post_id, std::int64_t first_id, int size) {
  store::CommentsPageWrite write;
  write.task_id = f.task_id;
  write.owner_id = -1;
  write.post_id = post_id;
  for (int i = 0; i < size; ++i) {
    domain::Comment c;
    c.owner_id = -1;
    c.post_id = post_id;
    c.id = first_id + i;
    c.from_id = 1000 + i % 50;
    c.date = domain::from_unix(1700000000 + i);
    c.text = "Комментарий номер " + std::to_string(i) + " про котиков и выборы";
    c.stems = "комментар номер котик выбор";
    c.keywords = {"котик", "выбор"};
    c.sentiment = domain::Sentiment::positive;
    c.sentiment_score = 0.4;
    write.comments.push_back(c);
    if (i < 50) write.authors.push_back({c.from_id, "user " + std::to_string(c.from_id)});
  }
  write.checkpoint_json = R"({"offset":0})";
  write.event = event();
  write.at = domain::now();
  return write;
}

std::int64_t new_post(Fixture& f) {
  static std::int64_t next_post = 1;
  const std::int64_t id = next_post++;
  domain::Post post;
  post.owner_id = -1;
  post.id = id;
  post.date = domain::now();
  store::PostsPageWrite write;
  write.task_id = f.task_id;
  write.posts = {post};
  write.event = event();
  write.at = domain::now();
  f.store->collection().write_posts(f.lease, write);
  return id;
}

void BM_NewCommentsPage(benchmark::State& state) {
  Fixture& f = fixture();
  const int size = static_cast<int>(state.range(0));
  const std::int64_t post = new_post(f);
  std::int64_t next_id = 1;
  for (auto _ : state) {
    f.store->collection().write_comments(f.lease, page(f, post, next_id, size));
    next_id += size;
  }
  state.SetItemsProcessed(state.iterations() * size);
}
BENCHMARK(BM_NewCommentsPage)->Arg(100)->Arg(500)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_ReplayedCommentsPage(benchmark::State& state) {
  Fixture& f = fixture();
  const int size = static_cast<int>(state.range(0));
  const auto write = page(f, new_post(f), 1, size);
  f.store->collection().write_comments(f.lease, write);
  for (auto _ : state) f.store->collection().write_comments(f.lease, write);
  state.SetItemsProcessed(state.iterations() * size);
}
BENCHMARK(BM_ReplayedCommentsPage)->Arg(500)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
