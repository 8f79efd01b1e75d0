#pragma once
// Opens the store of VKA_DATABASE_URL; a SQLite database (with its -wal and -shm files, which SQLite
// creates with the database's mode) is readable by its owner only: it holds collected data, key
// hashes and sealed VK tokens. Comments stored before phrases were kept get theirs from an analyzer with
// the configured stop lists, as collection would find them.
#include <memory>

#include "app/config.hpp"
#include "store/store.hpp"

namespace vka::app {

std::unique_ptr<store::Store> open_database(const Config& config);

}  // namespace vka::app
