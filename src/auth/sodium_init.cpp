#include "auth/sodium_init.hpp"

#include <sodium.h>

#include <stdexcept>

namespace vka::auth {

void ensure_sodium() {
  static const int status = sodium_init();
  if (status < 0) throw std::runtime_error("libsodium could not be initialized");
}

}  // namespace vka::auth
