#include "app/open_database.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mutex>
#include <optional>

#include "app/analyzer_setup.hpp"
#include "store/database_url.hpp"

namespace vka::app {

namespace {

// Creates the file 0600 when missing; takes group and other access away when it exists.
void make_owner_only(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return;  // opening the store reports the problem in its own words
  ::fchmod(fd, 0600);
  ::close(fd);
}

void tighten_if_present(const std::string& path) {
  struct stat status {};
  if (::lstat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode)) ::chmod(path.c_str(), 0600);
}

// The analyzer is built on first use: only a database upgraded from before phrases were kept needs it.
store::PhraseFinder phrase_finder(const std::vector<std::string>& stopword_files) {
  struct Lazy {
    std::once_flag built;
    std::optional<analysis::Analyzer> analyzer;
  };
  auto lazy = std::make_shared<Lazy>();
  return [lazy, stopword_files](std::string_view text) {
    std::call_once(lazy->built, [&] { lazy->analyzer.emplace(make_analyzer({}, stopword_files)); });
    return lazy->analyzer->analyze(text).phrases;
  };
}

}  // namespace

std::unique_ptr<store::Store> open_database(const Config& config) {
  const std::string& database_url = config.database_url;
  const auto location = store::parse_database_url(database_url);
  if (const auto* sqlite = std::get_if<store::SqliteLocation>(&location); sqlite) {
    make_owner_only(sqlite->path);
    tighten_if_present(sqlite->path + "-wal");
    tighten_if_present(sqlite->path + "-shm");
  }
  return store::open_store(database_url, {.find_phrases = phrase_finder(config.stopword_files)});
}

}  // namespace vka::app
