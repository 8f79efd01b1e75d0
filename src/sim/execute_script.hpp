#pragma once
// The part of VKScript (docs/vk-api.md §4.8) that batching clients send:
//   return [API.wall.get({"owner_id": -1, "count": 100}), API.users.get({user_ids: "1,2"})];
// i.e. `return <expr>;` where <expr> is an API call, a literal (string, number, true, false,
// null) or an array/object of those. Call parameters are scalars or arrays of scalars (sent as
// comma lists). Anything else — variables, loops, Args — is reported as a compile error.
#include <boost/json/value.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vka::sim {

class ScriptError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ScriptCall {
  std::string method;  // "wall.get"
  std::vector<std::pair<std::string, std::string>> params;
};

struct ScriptNode {
  enum class Kind { literal, array, object, call };
  Kind kind = Kind::literal;
  boost::json::value literal;
  std::vector<ScriptNode> elements;                         // array
  std::vector<std::pair<std::string, ScriptNode>> members;  // object
  std::size_t call = 0;                                     // index into Script::calls
};

struct Script {
  ScriptNode result;
  std::vector<ScriptCall> calls;  // in evaluation order
};

// Throws ScriptError naming the position of the first problem.
Script parse_script(std::string_view code);

// The script's value once every call has a result (`results[i]` for `calls[i]`).
boost::json::value evaluate(const ScriptNode& node, std::vector<boost::json::value>& results);

}  // namespace vka::sim
