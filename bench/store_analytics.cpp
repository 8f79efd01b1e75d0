// Analytics at scale: a task of VKA_BENCH_COMMENTS comments (default 1,000,000) on VKA_BENCH_WALLS walls
// (default 1), written page by page through the collection repository as the collector does (read models
// kept at ingest), then the analytics of the whole task and of one wall, from the read models and, for
// comparison, by scanning the comments (a date bound they cannot serve): totals, keyword counts and phrase
// counts, what one analytics request asks of the store. Runs on the database that
// VKA_BENCH_DATABASE_URL names (a throwaway one), else on a temporary SQLite file; a database that already holds
// the task "bench" (filled by an earlier run) is measured as it is.
//   build/bench/bench_store_analytics --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "store/store.hpp"

namespace {

using namespace vka;

std::int64_t setting(const char* name, std::int64_t fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::stoll(value) : fallback;
}

std::string database_url() {
  if (const char* url = std::getenv("VKA_BENCH_DATABASE_URL"); url && *url) return url;
  std::string dir = (std::filesystem::temp_directory_path() / "vka-bench-XXXXXX").string();
  if (!mkdtemp(dir.data())) throw std::runtime_error("mkdtemp failed");
  return "sqlite://" + dir + "/bench.db";
}

store::EventBuilder event(const char* type) {
  return [type](const domain::TaskProgress&) { return store::NewEvent{type, "{}"}; };
}

constexpr int page_size = 100;
constexpr int comments_per_post = 1000;

// Words drawn with a Zipf-like skew, as a discussion's keywords are.
const std::string& keyword(std::mt19937_64& random) {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> made;
    for (int i = 0; i < 20000; ++i) made.push_back("слово" + std::to_string(i));
    return made;
  }();
  const double u = std::uniform_real_distribution<double>(0, 1)(random);
  return words[static_cast<std::size_t>(std::pow(u, 3) * static_cast<double>(words.size()))];
}

struct Fixture {
  std::unique_ptr<store::Store> store;
  std::string task_id = "bench";
  std::int64_t walls = 1;
  std::int64_t comments = 0;
  double ingest_seconds = 0;

  Fixture() {
    store = store::open_store(database_url());
    store->migrate();
    walls = setting("VKA_BENCH_WALLS", 1);
    if (store->tasks().get(task_id)) {
      comments = store->results().analytics({{.task_id = task_id}}).comments;
      std::fprintf(stderr, "reusing the %lld comments of the database's task \"%s\"\n",
                   static_cast<long long>(comments), task_id.c_str());
      return;
    }
    fill();
  }

  void fill() {
    const std::int64_t total = setting("VKA_BENCH_COMMENTS", 1'000'000);
    domain::Task task;
    task.id = task_id;
    task.owner = "bench";
    task.created_at = domain::now();
    store->tasks().create(task, {"task.created", "{}"}, {"collect", "{}", 1000, task.created_at});
    const auto lease = store->jobs().lease("bench", domain::now(), std::chrono::hours(24))->token();
    std::mt19937_64 random(42);
    const auto started = std::chrono::steady_clock::now();
    for (std::int64_t post = 1; comments < total; ++post) {
      const std::int64_t owner = -1 - (post % walls);
      domain::Post p;
      p.owner_id = owner;
      p.id = post;
      p.date = domain::from_unix(1700000000 + post * 600);
      p.comments_count = comments_per_post;
      store->collection().write_posts(
          lease, {.task_id = task_id, .posts = {p}, .event = event("post.collected"), .at = domain::now()});
      // A post's pages commit together, as the collector commits the pages of one VK batch.
      store->write_together([&] {
        for (int first = 0; first < comments_per_post && comments < total; first += page_size)
          store->collection().write_comments(lease, comments_page(owner, post, first, total, random));
      });
    }
    ingest_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "filled %lld comments on %lld walls in %.1f s through the repository: %.0f comments/s\n",
                 static_cast<long long>(comments), static_cast<long long>(walls), ingest_seconds,
                 static_cast<double>(comments) / ingest_seconds);
  }

  // The page of the post's comments from the first-th on, numbering comments on from the ones written before.
  store::CommentsPageWrite comments_page(std::int64_t owner, std::int64_t post, int first, std::int64_t total,
                                         std::mt19937_64& random) {
    store::CommentsPageWrite write{.task_id = task_id, .owner_id = owner, .post_id = post};
    for (int i = 0; i < page_size && comments < total; ++i) {
      domain::Comment c;
      c.owner_id = owner;
      c.post_id = post;
      c.id = ++comments;
      c.from_id =
          1 + static_cast<std::int64_t>(std::pow(std::uniform_real_distribution<double>(0, 1)(random), 2) * 200000);
      c.date = domain::from_unix(1700000000 + post * 600 + (first + i) * 37);
      c.text = "комментарий";
      c.keywords = {keyword(random), keyword(random), keyword(random)};
      // The runs a three-word comment gives: mostly distinct phrases, as real comments have.
      const auto& k = c.keywords;
      c.phrases = {k[0] + ' ' + k[1], k[1] + ' ' + k[2], k[0] + ' ' + k[1] + ' ' + k[2]};
      const int label = static_cast<int>(random() % 3);
      c.sentiment = label == 0   ? domain::Sentiment::positive
                    : label == 1 ? domain::Sentiment::neutral
                                 : domain::Sentiment::negative;
      c.sentiment_score = label == 0 ? 0.5 : label == 1 ? 0.0 : -0.5;
      write.authors.push_back({c.from_id, "user"});
      write.comments.push_back(std::move(c));
    }
    write.event = event("comments.ingested");
    write.at = domain::now();
    return write;
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// range(0): 0 the whole task, 1 one wall; range(1): 0 read models, 1 a scan of the same comments.
store::CommentFilter filter(const Fixture& f, const benchmark::State& state) {
  store::CommentFilter selected{.task_id = f.task_id};
  if (state.range(0) == 1) selected.group_id = 1;
  if (state.range(1) == 1) selected.since = domain::from_unix(0);
  return selected;
}

void BM_Analytics(benchmark::State& state) {
  Fixture& f = fixture();
  const store::CommentFilter selected = filter(f, state);
  for (auto _ : state) {
    auto analytics = f.store->results().analytics({selected});
    auto keywords = f.store->results().keyword_counts(selected);
    auto phrases = f.store->results().phrase_counts(selected, 3);
    benchmark::DoNotOptimize(analytics);
    benchmark::DoNotOptimize(keywords);
    benchmark::DoNotOptimize(phrases);
  }
  state.counters["comments"] = static_cast<double>(f.comments);
}
BENCHMARK(BM_Analytics)
    ->ArgNames({"wall", "scan"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({0, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
