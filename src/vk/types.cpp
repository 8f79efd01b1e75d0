#include "vk/types.hpp"

namespace vka::vk {

// Written out because Comment is incomplete where CommentThread is declared (and clang 14
// crashes on an out-of-line defaulted comparison of this recursive pair).
bool CommentThread::operator==(const CommentThread& other) const {
  return count == other.count && items == other.items;
}

}  // namespace vka::vk
