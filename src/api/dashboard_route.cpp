// The dashboard: the single-page app built from web/ and compiled into the binary
// (src/api/layer.cmake), with the gzip and brotli copies made at build time.
#include <algorithm>
#include <map>

#include "api/routes.hpp"
#include "embedded_file.hpp"
#include "http/api_error.hpp"
#include "http/compression.hpp"
#include "http/etag.hpp"

namespace vka::api {

namespace dashboard_files {
std::span<const EmbeddedFile> embedded_files();
}

namespace {

constexpr std::string_view index_path = "index.html";
// Scripts, styles, images and API calls from this origin only; nothing inline, no framing.
constexpr std::string_view html_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

struct Asset {
  std::string_view identity;
  std::string_view gzip;  // empty when the build made no compressed copy
  std::string_view br;
  std::string etag;
};

// Keyed by the path below the site root, e.g. "assets/index-3fa2c1.js".
const std::map<std::string_view, Asset, std::less<>>& assets() {
  static const auto table = [] {
    std::map<std::string_view, Asset, std::less<>> out;
    const auto files = dashboard_files::embedded_files();
    const auto find = [&](std::string_view path) -> std::string_view {
      const auto it = std::find_if(files.begin(), files.end(), [&](const EmbeddedFile& f) { return f.path == path; });
      return it == files.end() ? std::string_view{} : it->bytes;
    };
    for (const auto& file : files) {
      if (file.path.ends_with(".gz") || file.path.ends_with(".br")) continue;
      const std::string path{file.path};
      out.emplace(file.path, Asset{file.bytes, find(path + ".gz"), find(path + ".br"), http::entity_tag(file.bytes)});
    }
    return out;
  }();
  return table;
}

std::string_view content_type(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> types[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".json", "application/json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"}};
  for (const auto& [extension, type] : types)
    if (path.ends_with(extension)) return type;
  return "application/octet-stream";
}

bool is_server_path(std::string_view path) {
  return path.starts_with("/api/") || path == "/api" || path == "/healthz" || path == "/readyz" || path == "/metrics";
}

bool accepts_html(const http::Request& request) {
  const auto accept = request.headers.get("Accept");
  return accept && accept->find("text/html") != std::string_view::npos;
}

// The compressed copy the client accepts, else the file itself (the pipeline then adds the Vary
// that a compressible body gets).
void set_body(const http::Request& request, const Asset& asset, http::Response& response) {
  const auto encoding = http::negotiate_encoding(request.headers.get("Accept-Encoding"));
  const auto compressed = encoding == http::Encoding::br     ? asset.br
                          : encoding == http::Encoding::gzip ? asset.gzip
                                                             : "";
  if (compressed.empty()) {
    response.body = std::string{asset.identity};
    return;
  }
  response.body = std::string{compressed};
  response.headers.set("Content-Encoding", std::string{http::to_string(encoding)});
  response.headers.add("Vary", "Accept-Encoding");
}

http::Response serve(http::Request& request) {
  const auto& table = assets();
  std::string_view path = request.path;
  auto it = table.find(path.substr(1));
  if (it == table.end()) {
    // Every other page of the app is index.html, which routes in the browser.
    const bool page = path == "/" || (accepts_html(request) && !is_server_path(path));
    if (!page) throw http::not_found("No route matches this path.");
    it = table.find(index_path);
    if (it == table.end()) throw http::not_found("This build has no dashboard.");
  }
  const auto& [name, asset] = *it;
  http::Response response;
  const auto type = content_type(name);
  response.headers.set("Content-Type", std::string{type});
  response.headers.set("X-Content-Type-Options", "nosniff");
  // Vite names every file under assets/ by its content hash: such a name never changes meaning.
  response.headers.set("Cache-Control",
                       name.starts_with("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  if (type.starts_with("text/html")) {
    response.headers.set("Content-Security-Policy", std::string{html_policy});
    response.headers.set("Referrer-Policy", "no-referrer");
  }
  response.entity = asset.etag;
  set_body(request, asset, response);
  return response;
}

}  // namespace

void add_dashboard_route(http::Router& router) { router.set_fallback("/{dashboard}", serve); }

}  // namespace vka::api
