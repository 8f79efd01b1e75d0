#include <gtest/gtest.h>

#include <algorithm>

#include "api/routes.hpp"
#include "embedded_file.hpp"
#include "http/api_error.hpp"
#include "http/compression.hpp"

namespace vka::api {
namespace dashboard_files {
std::span<const EmbeddedFile> embedded_files();
}

namespace {

class DashboardRoute : public ::testing::Test {
 protected:
  DashboardRoute() { add_dashboard_route(router); }

  http::Response get(std::string path, std::string accept = "text/html", std::string encoding = "") {
    http::Request request;
    request.method = "GET";
    request.path = std::move(path);
    if (!accept.empty()) request.headers.set("Accept", std::move(accept));
    if (!encoding.empty()) request.headers.set("Accept-Encoding", std::move(encoding));
    const auto match = router.match(request);
    if (!match.route) throw http::not_found();
    return match.route->handler(request);
  }

  // The build's main script, e.g. "assets/index-3fa2c1.js".
  static std::string script_path() {
    const auto files = dashboard_files::embedded_files();
    const auto it = std::find_if(files.begin(), files.end(), [](const EmbeddedFile& f) {
      return f.path.starts_with("assets/index-") && f.path.ends_with(".js");
    });
    return it == files.end() ? std::string{} : std::string{it->path};
  }

  static std::string_view file(std::string_view path) {
    for (const auto& f : dashboard_files::embedded_files())
      if (f.path == path) return f.bytes;
    return {};
  }

  http::Router router;
};

TEST_F(DashboardRoute, RootIsTheAppWithAStrictPolicy) {
  const auto response = get("/", "");
  EXPECT_EQ(response.headers.get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(response.headers.get("Cache-Control"), "no-cache");
  EXPECT_EQ(response.headers.get("X-Content-Type-Options"), "nosniff");
  const auto policy = std::string{response.headers.get("Content-Security-Policy").value_or("")};
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
  EXPECT_NE(response.body.find("<div id=\"app\">"), std::string::npos);
}

TEST_F(DashboardRoute, PagesOfTheAppAreIndexHtmlForBrowsers) {
  const auto page = get("/tasks/t_1/comments", "text/html,application/xhtml+xml");
  EXPECT_EQ(page.body, file("index.html"));
  EXPECT_THROW(get("/tasks/t_1/comments", "application/json"), http::ApiError);
}

TEST_F(DashboardRoute, ServerPathsAreNeverThePage) {
  for (const auto* path : {"/api/v1/nothing", "/api", "/healthz", "/readyz", "/metrics"})
    EXPECT_THROW(get(path), http::ApiError) << path;
}

TEST_F(DashboardRoute, HashedAssetsAreImmutableAndSentPrecompressed) {
  const auto path = script_path();
  ASSERT_FALSE(path.empty());
  const auto plain = get("/" + path, "*/*");
  EXPECT_EQ(plain.headers.get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(plain.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_FALSE(plain.headers.get("Content-Encoding"));
  EXPECT_FALSE(plain.headers.get("Content-Security-Policy"));
  EXPECT_EQ(plain.body, file(path));

  const auto br = get("/" + path, "*/*", "gzip, br");
  EXPECT_EQ(br.headers.get("Content-Encoding"), "br");
  EXPECT_EQ(br.headers.get("Vary"), "Accept-Encoding");
  EXPECT_EQ(http::brotli_decompress(br.body), plain.body);
  const auto gzip = get("/" + path, "*/*", "gzip");
  EXPECT_EQ(gzip.headers.get("Content-Encoding"), "gzip");
  EXPECT_EQ(http::gzip_decompress(gzip.body), plain.body);
  EXPECT_EQ(br.entity, plain.entity);
}

TEST_F(DashboardRoute, CompressedCopiesAreNotFilesOfTheirOwn) {
  EXPECT_THROW(get("/" + script_path() + ".br", "*/*"), http::ApiError);
}

TEST_F(DashboardRoute, FaviconIsServed) {
  const auto icon = get("/favicon.svg", "image/*");
  EXPECT_EQ(icon.headers.get("Content-Type"), "image/svg+xml");
  EXPECT_EQ(icon.body, file("favicon.svg"));
}

}  // namespace
}  // namespace vka::api
