#include <gtest/gtest.h>

#include <random>
#include <string>

#include "http/compression.hpp"
#include "http/gzip_head.hpp"

namespace vka::http {
namespace {

std::string random_bytes(std::size_t size) {
  std::mt19937 generator{7};
  std::string bytes(size, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(generator());
  return bytes;
}

std::string repeated_json(std::size_t size) {
  std::string text = "{\"data\":[";
  while (text.size() < size) text += "{\"text\":\"комментарий\",\"likes\":3},";
  return text;
}

TEST(GzipHead, DecompressesToTheHeadThenTheEnding) {
  const auto head = repeated_json(100'000);
  const GzipHead gzip{head};
  EXPECT_LT(gzip.compressed_size(), head.size() / 10);
  EXPECT_EQ(gzip_decompress(gzip.finish("\"r-1\"}}")), head + "\"r-1\"}}");
  EXPECT_EQ(gzip_decompress(gzip.finish("\"another-id\"}}")), head + "\"another-id\"}}");
}

TEST(GzipHead, TakesEmptyParts) {
  EXPECT_EQ(gzip_decompress(GzipHead{""}.finish("")), "");
  EXPECT_EQ(gzip_decompress(GzipHead{""}.finish("tail")), "tail");
  EXPECT_EQ(gzip_decompress(GzipHead{"head"}.finish("")), "head");
}

TEST(GzipHead, TakesIncompressibleHeadsAndEndingsLongerThanAStoredBlock) {
  const auto head = random_bytes(200'000);
  const auto ending = random_bytes(150'000);
  EXPECT_EQ(gzip_decompress(GzipHead{head}.finish(ending)), head + ending);
}

}  // namespace
}  // namespace vka::http
