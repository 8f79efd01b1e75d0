#pragma once
// Opens the store of VKA_DATABASE_URL; a SQLite database (with its -wal and -shm files, which SQLite
// creates with the database's mode) is readable by its owner only: it holds collected data, key
// hashes and sealed VK tokens. Comments stored before phrases were kept get theirs from an analyzer with
// the configured stop lists, as collection would find them.
#include <memory>

#include "app/config.hpp"
#include "store/store.hpp"

namespace vka::app {

// What to do when a SQLite database file does not exist: the commands that set a database up (serve,
// worker, migrate, collect) create it; those that manage what is in one (api-keys, users,
// rebuild-analytics) refuse, so that a mistyped path is not silently a new, empty database.
enum class IfMissing { create, refuse };

std::unique_ptr<store::Store> open_database(const Config& config, IfMissing if_missing = IfMissing::create);

}  // namespace vka::app
