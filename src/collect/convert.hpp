#pragma once
// VK objects → the domain values the store keeps, with every comment analysed before it is stored.
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/analyzer.hpp"
#include "domain/collected.hpp"
#include "vk/types.hpp"

namespace vka::collect {

domain::Community to_community(const vk::Group& group);
domain::Post to_post(const vk::Post& post);

// Users as "First Last", communities by name under their negative id; the authors of one page.
std::vector<domain::Author> authors_of(const std::vector<vk::User>& profiles, const std::vector<vk::Group>& groups);

// thread_root: the top-level comment this one replies under; nullopt for a top-level comment.
// parent_id is reply_to_comment, else the last of parents_stack, else thread_root. A deleted comment
// becomes a tombstone (deleted=true) without analysis: it has no text to judge.
domain::Comment to_comment(const vk::Comment& comment, std::optional<std::int64_t> thread_root,
                           const analysis::Analyzer& analyzer);

}  // namespace vka::collect
