// Parsing speed of a realistic wall.getComments page: 100 top-level comments with Russian text,
// likes and 3 inline replies each (400 comments in all), as the collector receives them.
#include <benchmark/benchmark.h>

#include <string>

#include "vk/parse.hpp"

namespace {

std::string comment_json(int id, int parent, const std::string& text) {
  // Built by appending: GCC 12 at -O3 misreports `"literal" + std::string` chains (-Wrestrict).
  std::string json = R"({"id":)";
  json += std::to_string(id);
  json += R"(,"from_id":)";
  json += std::to_string(100000 + id);
  json += R"(,"date":)";
  json += std::to_string(1717000000 + id);
  json += R"(,"text":")";
  json += text;
  json += R"(","post_id":765,"owner_id":-12345,"likes":{"count":)";
  json += std::to_string(id % 17);
  json += R"(,"user_likes":0,"can_like":1},"parents_stack":[)";
  if (parent) json += std::to_string(parent);
  json += "]";
  if (parent) {
    json += R"(,"reply_to_comment":)";
    json += std::to_string(parent);
    json += R"(,"reply_to_user":)";
    json += std::to_string(100000 + parent);
  }
  return json;
}

std::string comments_page() {
  const std::string text =
      "Отличная новость, спасибо! Давно ждали этого решения, надеюсь, дальше будет только лучше. "
      "Но цены, конечно, кусаются \\u2014 посмотрим, что скажут остальные.";
  std::string items;
  for (int i = 0; i < 100; ++i) {
    const int id = 1000 + i * 10;
    if (i > 0) items += ',';
    items += comment_json(id, 0, text);
    items += R"(,"thread":{"count":3,"can_post":true,"items":[)";
    for (int r = 1; r <= 3; ++r) {
      if (r > 1) items += ',';
      items += comment_json(id + r, id, text);
      items += '}';
    }
    items += "]}}";
  }
  return R"({"response":{"count":100,"current_level_count":100,"can_post":true,"items":[)" + items +
         R"(],"profiles":[{"id":1,"first_name":"Анна","last_name":"Петрова"}],"groups":[]}})";
}

void BM_ParseCommentsPage(benchmark::State& state) {
  const std::string body = comments_page();
  std::size_t comments = 0;
  for (auto _ : state) {
    auto envelope = vka::vk::parse_envelope(body);
    auto page = vka::vk::parse_wall_get_comments(std::get<vka::vk::Success>(*envelope).response);
    if (!page) {
      state.SkipWithError(page.error().to_string().c_str());
      return;
    }
    comments = 0;
    for (const auto& comment : page->items) comments += 1 + comment.thread.items.size();
    benchmark::DoNotOptimize(page);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * comments));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
  state.counters["comments_per_page"] = static_cast<double>(comments);
}
BENCHMARK(BM_ParseCommentsPage);

}  // namespace
