#pragma once
// Idempotent upserts of collected rows by their VK ids: a repeated write leaves one row holding the latest
// values.
#include "domain/collected.hpp"
#include "domain/time.hpp"
#include "store/sqlite/connection.hpp"

namespace vka::store::sqlite {

void upsert_community(Connection& connection, const domain::Community& community, domain::Timestamp at);
void upsert_author(Connection& connection, const domain::Author& author, domain::Timestamp at);
void upsert_post(Connection& connection, const domain::Post& post);
// The post must be stored first.
void upsert_comment(Connection& connection, const domain::Comment& comment);

}  // namespace vka::store::sqlite
