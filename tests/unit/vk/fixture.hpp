#pragma once
// Helpers for the vk parser tests: fixture files and envelope unwrapping.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "vk/parse.hpp"

namespace vka::vk::testing {

inline std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(VKA_TEST_DATA_DIR) + "/vk/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The success part of a response text; fails the test when it is not a success.
inline Success success_of(const std::string& body) {
  auto envelope = parse_envelope(body);
  if (!envelope) throw std::runtime_error("envelope: " + envelope.error().to_string());
  if (!std::holds_alternative<Success>(*envelope)) throw std::runtime_error("envelope is an API error");
  return std::get<Success>(*envelope);
}

// Parses `body` with `parse` and returns the error it must produce.
template <class Parse>
ParseError error_of(const std::string& body, Parse parse) {
  auto result = parse(success_of(body).response);
  if (result) throw std::runtime_error("expected a parse error");
  return result.error();
}

}  // namespace vka::vk::testing
