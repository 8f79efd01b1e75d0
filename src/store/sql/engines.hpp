#pragma once
// The engines the shared SQL repositories are instantiated for (in their .cpp files).
namespace vka::store {
namespace sqlite {
class Database;
}
namespace postgres {
class Database;
}
}  // namespace vka::store
