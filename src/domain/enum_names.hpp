#pragma once
// The text forms of an enum (JSON, database columns, command lines) from one table that reads both ways.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace vka::domain {

template <typename Enum, std::size_t N>
struct EnumNames {
  std::array<std::pair<Enum, std::string_view>, N> names;

  constexpr std::string_view name(Enum value) const {
    for (const auto& [known, text] : names)
      if (known == value) return text;
    return "unknown";
  }

  constexpr std::optional<Enum> parse(std::string_view text) const {
    for (const auto& [value, name] : names)
      if (name == text) return value;
    return std::nullopt;
  }
};

// enum_names<Role>({{Role::admin, "admin"}, {Role::viewer, "viewer"}})
template <typename Enum, std::size_t N>
constexpr EnumNames<Enum, N> enum_names(const std::pair<Enum, std::string_view> (&names)[N]) {
  return {std::to_array(names)};
}

}  // namespace vka::domain
