// Collection write throughput: one comments page (rows, authors, checkpoint, progress and event in one
// fenced transaction) of N new comments, the same page replayed, and a collection batch (25 pages of 100
// comments in one transaction, written three pages at a time) once the comments table holds VKA_BENCH_FILLED_COMMENTS (default 200,000) comments
// whose authors, likes, scores and words come in no order, as VK's do. Runs on the database that
// VKA_BENCH_DATABASE_URL names (a throwaway one: it is migrated and filled), else on a temporary SQLite file.
//   scripts/with-postgres sh -c 'VKA_BENCH_DATABASE_URL=$VKA_TEST_DATABASE_URL build/bench/bench_store_comment_pages'
// On SQLite, VKA_BENCH_WITHOUT=comments_from,fts,… drops those indexes of the comments table (and with "fts", the
// full-text index's insert trigger) before anything is written, to measure what each one costs a comment.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace {

using namespace vka;

std::string database_url() {
  if (const char* url = std::getenv("VKA_BENCH_DATABASE_URL"); url && *url) return url;
  std::string dir = (std::filesystem::temp_directory_path() / "vka-bench-XXXXXX").string();
  if (!mkdtemp(dir.data())) throw std::runtime_error("mkdtemp failed");
  return "sqlite://" + dir + "/bench.db";
}

// Drops what VKA_BENCH_WITHOUT names from a migrated SQLite database.
void drop_named_structures(const std::string& url) {
  const char* without = std::getenv("VKA_BENCH_WITHOUT");
  if (!without || !*without) return;
  const std::string prefix = "sqlite://";
  if (url.rfind(prefix, 0) != 0) throw std::runtime_error("VKA_BENCH_WITHOUT works on SQLite only");
  store::sqlite::Connection c(url.substr(prefix.size()), 5000);
  std::istringstream names(without);
  for (std::string name; std::getline(names, name, ',');)
    c.exec_script(name == "fts" ? "DROP TRIGGER comments_fts_insert" : "DROP INDEX " + name);
}

struct Fixture {
  std::unique_ptr<store::Store> store;
  store::LeaseToken lease;
  std::string task_id;
};

Fixture& fixture() {
  static Fixture f = [] {
    Fixture made;
    const std::string url = database_url();
    made.store = store::open_store(url);
    made.store->migrate();
    drop_named_structures(url);
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

constexpr int pages_per_batch = 25;
constexpr int comments_per_page = 100;

// `size` comments as VK's come: ids and dates ascending, authors of a large community, few likes for most,
// scores anywhere, words drawn from a vocabulary where a few are common.
store::CommentsPageWrite scattered_page(const Fixture& f, std::int64_t post_id, std::int64_t first_id, int size,
                                        std::mt19937_64& random) {
  store::CommentsPageWrite write = page(f, post_id, first_id, size);
  std::uniform_int_distribution<std::int64_t> author(1, 200'000);
  std::geometric_distribution<std::int64_t> likes(0.3);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  write.authors.clear();
  for (domain::Comment& c : write.comments) {
    c.from_id = author(random);
    c.likes = likes(random);
    c.sentiment_score = unit(random) * 2 - 1;
    c.sentiment = *c.sentiment_score > 0.2    ? domain::Sentiment::positive
                  : *c.sentiment_score < -0.2 ? domain::Sentiment::negative
                                              : domain::Sentiment::neutral;
    c.stems.clear();
    c.keywords.clear();
    for (int w = 0; w < 8; ++w) {
      const double u = unit(random);
      const std::string word = "слово" + std::to_string(static_cast<int>(20'000 * u * u * u));
      c.stems += (w ? " " : "") + word;
      if (w < 3) c.keywords.push_back(word);
    }
    c.text = c.stems + " — текст комментария";
    write.authors.push_back({c.from_id, "user " + std::to_string(c.from_id)});
  }
  return write;
}

// The pages of one batch: a new post's first 25 pages in one transaction, written three pages at a time as the
// collector writes them (collect/batch_applier.hpp, pages_written_together). Comment ids are unique on the wall,
// above those the other benchmarks use.
void write_batch(Fixture& f, std::mt19937_64& random) {
  constexpr int pages_per_write = 3;
  static std::int64_t next_id = 1'000'000'000;
  const std::int64_t post = new_post(f);
  f.store->write_together([&] {
    for (int first = 0; first < pages_per_batch; first += pages_per_write) {
      const int size = std::min(pages_per_write, pages_per_batch - first) * comments_per_page;
      f.store->collection().write_comments(f.lease, scattered_page(f, post, next_id, size, random));
      next_id += size;
    }
  });
}

void BM_BatchOnFilledTable(benchmark::State& state) {
  Fixture& f = fixture();
  static std::mt19937_64 random(7);
  static const bool filled = [&f] {
    const char* wanted = std::getenv("VKA_BENCH_FILLED_COMMENTS");
    const long comments = wanted ? std::atol(wanted) : 200'000;
    for (long written = 0; written < comments; written += pages_per_batch * comments_per_page) write_batch(f, random);
    return true;
  }();
  benchmark::DoNotOptimize(filled);
  for (auto _ : state) write_batch(f, random);
  state.SetItemsProcessed(state.iterations() * pages_per_batch * comments_per_page);
}
BENCHMARK(BM_BatchOnFilledTable)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
