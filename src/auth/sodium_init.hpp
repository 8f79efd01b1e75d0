#pragma once

namespace vka::auth {

// Initializes libsodium once per process; throws std::runtime_error if it cannot (no entropy source).
void ensure_sodium();

}  // namespace vka::auth
