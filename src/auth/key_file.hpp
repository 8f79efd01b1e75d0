#pragma once
// The server's master key on disk: <data_dir>/secret.key, 32 raw bytes, mode 0600, in a data
// directory created 0700. Losing the file makes stored VK tokens and API keys unusable, so it
// belongs in backups (kept apart from database backups).
#include <filesystem>

#include "auth/secret_key.hpp"
#include "domain/result.hpp"

namespace vka::auth {

inline constexpr const char* secret_key_file_name = "secret.key";

// Creates the directory and the key on first use; safe when several processes start at once
// (the key is written to a private temporary file and linked into place atomically).
// Refuses a key file that other users can read or that has the wrong size.
domain::Result<SecretKey> load_or_create_secret_key(const std::filesystem::path& data_dir);

}  // namespace vka::auth
