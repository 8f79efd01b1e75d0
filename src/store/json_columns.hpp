#pragma once
// The JSON text of structured columns, the same on every engine.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/task.hpp"

namespace vka::store {

// TaskParams without its name (tasks.name holds that):
// {"groups":[1,"apiclub"],"posts":["-1_123"],"posts_per_group":10,"since":"…"|null,"until":…,"threads":true,
//  "vk_token_id":"…"|null}
std::string encode_task_params(const domain::TaskParams& params);
// Throws StoreError(corrupt) when the text is not what encode_task_params writes. name is left empty.
domain::TaskParams decode_task_params(std::string_view json);

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// [["Content-Type","application/json"],…], order kept.
std::string encode_headers(const HeaderList& headers);
// Throws StoreError(corrupt) when the text is not what encode_headers writes.
HeaderList decode_headers(std::string_view json);

// ["котик","выбор"], order kept.
std::string encode_keywords(const std::vector<std::string>& keywords);
// Throws StoreError(corrupt) when the text is not a JSON array of strings.
std::vector<std::string> decode_keywords(std::string_view json);

// ["горячая вода","вода опять"], order kept; decode_phrases throws as decode_keywords does.
std::string encode_phrases(const std::vector<std::string>& phrases);
std::vector<std::string> decode_phrases(std::string_view json);

}  // namespace vka::store
