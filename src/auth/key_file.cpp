#include "auth/key_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <optional>
#include <string>
#include <system_error>

#include "auth/sodium_init.hpp"

namespace vka::auth {

namespace {
namespace fs = std::filesystem;
using KeyResult = domain::Result<SecretKey>;

// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string errno_text(int error) { return std::generic_category().message(error); }

// Each helper below returns what went wrong, or nullopt when it succeeded.
using Problem = std::optional<std::string>;

Problem ensure_private_directory(const fs::path& dir) {
  std::error_code ec;
  const auto parent = dir.parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec) return fmt::format("cannot create {}: {}", parent.string(), ec.message());
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return fmt::format("cannot create data directory {}: {}", dir.string(), errno_text(errno));
  if (!fs::is_directory(dir, ec)) return fmt::format("data directory {} is not a directory", dir.string());
  return std::nullopt;
}

bool write_all(int fd, const unsigned char* data, std::size_t size) {
  while (size > 0) {
    const auto n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

KeyResult read_key(const fs::path& file, int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    return domain::unexpected(fmt::format("cannot inspect {}: {}", file.string(), errno_text(errno)));
  if (!S_ISREG(st.st_mode)) return domain::unexpected(fmt::format("{} is not a regular file", file.string()));
  if ((st.st_mode & 077) != 0)
    return domain::unexpected(fmt::format("{} is accessible by other users (mode {:04o}); restrict it with chmod 600",
                                          file.string(), st.st_mode & 07777));
  if (st.st_size != static_cast<off_t>(SecretKey::size))
    return domain::unexpected(fmt::format("{} holds {} bytes, expected {}; it is not a key written by this server",
                                          file.string(), st.st_size, SecretKey::size));
  std::array<unsigned char, SecretKey::size> bytes{};
  std::size_t got = 0;
  while (got < bytes.size()) {
    const auto n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return domain::unexpected(fmt::format("cannot read {}", file.string()));
    got += static_cast<std::size_t>(n);
  }
  SecretKey key(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

// Writes a fresh key to a private temporary file, then links it into place; link() fails with
// EEXIST if another process won the race, in which case its key is the one to use.
Problem create_key_file(const fs::path& file) {
  const auto temp = fs::path(file).concat(fmt::format(".{}.{:08x}.tmp", ::getpid(), randombytes_random()));
  const auto key = SecretKey::random();
  {
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (fd.get() < 0) return fmt::format("cannot create {}: {}", temp.string(), errno_text(errno));
    if (!write_all(fd.get(), key.bytes().data(), key.bytes().size()) || ::fsync(fd.get()) != 0) {
      const int error = errno;
      ::unlink(temp.c_str());
      return fmt::format("cannot write {}: {}", temp.string(), errno_text(error));
    }
  }
  const int linked = ::link(temp.c_str(), file.c_str());
  const int error = errno;
  ::unlink(temp.c_str());
  if (linked != 0 && error != EEXIST) return fmt::format("cannot create {}: {}", file.string(), errno_text(error));
  Fd dir(::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());
  return std::nullopt;
}
}  // namespace

KeyResult load_or_create_secret_key(const fs::path& data_dir_as_given) {
  ensure_sodium();
  // "dir/" has an empty file name; its parent_path() would be "dir" itself.
  const auto data_dir = data_dir_as_given.has_filename() ? data_dir_as_given : data_dir_as_given.parent_path();
  if (auto problem = ensure_private_directory(data_dir)) return domain::unexpected(*problem);
  const auto file = data_dir / secret_key_file_name;
  for (int attempt = 0; attempt < 2; ++attempt) {
    Fd fd(::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() >= 0) return read_key(file, fd.get());
    if (errno != ENOENT) return domain::unexpected(fmt::format("cannot open {}: {}", file.string(), errno_text(errno)));
    if (auto problem = create_key_file(file)) return domain::unexpected(*problem);
  }
  return domain::unexpected(fmt::format("{} disappeared while it was being created", file.string()));
}

}  // namespace vka::auth
