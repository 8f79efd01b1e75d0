#pragma once
// VK access tokens of analysts, stored sealed: the store keeps only the ciphertext the caller made
// and a masked form for display, never the token itself.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace vka::store {

enum class VkTokenKind { user, service, community };

std::string_view to_string(VkTokenKind kind);
std::optional<VkTokenKind> parse_vk_token_kind(std::string_view text);

struct VkToken {
  std::string id;
  std::string owner;  // Principal::id of whoever added it
  std::string name;
  VkTokenKind kind = VkTokenKind::user;
  std::vector<std::uint8_t> ciphertext;  // sealed by the caller, stored as given
  std::string masked;                    // e.g. "vk1.a.…xY"
  domain::Timestamp created_at;
  bool operator==(const VkToken&) const = default;
};

// A position in the newest-first order: the last row of the previous page.
struct VkTokenCursor {
  domain::Timestamp created_at;
  std::string id;
  bool operator==(const VkTokenCursor&) const = default;
};

struct VkTokenListQuery {
  std::optional<std::string> owner;    // nullopt: every owner's tokens
  std::optional<VkTokenCursor> after;  // nullopt: from the newest
  int limit = 50;                      // 1..1000
};

struct VkTokenPage {
  std::vector<VkToken> items;
  std::optional<VkTokenCursor> next;  // nullopt on the last page
};

class VkTokenRepository {
 public:
  virtual ~VkTokenRepository() = default;
  // Throws StoreError(conflict) when the id is taken.
  virtual void create(const VkToken& token) = 0;
  // Newest first: (created_at, id) descending. limit outside 1..1000 is clamped.
  virtual VkTokenPage list(const VkTokenListQuery& query) = 0;
  virtual std::optional<VkToken> get(std::string_view id) = 0;
  // False when there was no such token.
  virtual bool remove(std::string_view id) = 0;
};

}  // namespace vka::store
