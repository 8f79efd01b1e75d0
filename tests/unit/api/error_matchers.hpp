#pragma once
// Helpers to run a call that must fail with an ApiError and to look at what it reported.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "http/api_error.hpp"

namespace vka::api::testing {

// Runs `call`, which must throw http::ApiError; returns the error (a default 0-status one after a test failure).
inline http::ApiError api_error_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const http::ApiError& error) {
    return error;
  }
  ADD_FAILURE() << "expected an http::ApiError";
  return http::ApiError{0, "none", "no error was thrown"};
}

inline std::vector<std::string> fields_of(const http::ApiError& error) {
  std::vector<std::string> fields;
  for (const auto& detail : error.details()) fields.push_back(detail.field);
  return fields;
}

}  // namespace vka::api::testing
