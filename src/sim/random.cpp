#include "sim/random.hpp"

#include <algorithm>
#include <cmath>

namespace vka::sim {

namespace {

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

std::uint64_t mix(std::uint64_t a, std::uint64_t b) { return splitmix(splitmix(a) ^ (b + 0x632BE59BD9B4E019ULL)); }

std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return splitmix(h);
}

std::uint64_t Rng::next() {
  state_ += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::int64_t Rng::between(std::int64_t low, std::int64_t high) {
  const auto span = static_cast<std::uint64_t>(high - low) + 1;
  if (span == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
  return low + static_cast<std::int64_t>(next() % span);
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Rng::exponential(double mean) { return -mean * std::log1p(-unit()); }

std::int64_t Rng::heavy_tail(double mean, double shape, std::int64_t cap) {
  // Pareto with minimum x_m has mean shape·x_m/(shape−1).
  const double minimum = mean * (shape - 1) / shape;
  const double value = minimum / std::pow(1 - unit(), 1 / shape);
  return std::min<std::int64_t>(cap, static_cast<std::int64_t>(value));
}

}  // namespace vka::sim
