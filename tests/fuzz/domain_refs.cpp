// Group and post reference parsers on arbitrary text: never crash, and whatever they accept
// renders back to a form they accept as the same reference.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "domain/group_ref.hpp"
#include "domain/post_ref.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vka::domain;
  const std::string text(reinterpret_cast<const char*>(data), size);

  if (const auto group = parse_group_ref(GroupInput{text})) {
    const auto again = parse_group_ref(GroupInput{group_url(*group)});
    if (!again || !(*again == *group)) std::abort();
  }
  if (const auto post = parse_post_ref(text)) {
    const auto again = parse_post_ref(post_url(*post));
    if (!again || !(*again == *post)) std::abort();
  }
  return 0;
}
