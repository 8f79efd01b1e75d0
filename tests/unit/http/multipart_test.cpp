#include <gtest/gtest.h>

#include "http/multipart.hpp"

namespace vka::http {
namespace {

TEST(MultipartBoundary, ReadsTheBoundaryOfFormData) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc123"), "abc123");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data;boundary=\"a b:c\""), "a b:c");
  EXPECT_EQ(multipart_boundary("multipart/form-data; charset=utf-8; BOUNDARY=x"), "x");
}

TEST(MultipartBoundary, RejectsOtherTypesAndBadBoundaries) {
  EXPECT_FALSE(multipart_boundary("application/json"));
  EXPECT_FALSE(multipart_boundary("multipart/mixed; boundary=x"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary="));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"\""));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'b')));
  EXPECT_TRUE(multipart_boundary("multipart/form-data; boundary=" + std::string(70, 'b')));
}

constexpr std::string_view two_parts =
    "preamble is ignored\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"name\"\r\n"
    "\r\n"
    "Autumn run\r\n"
    "--XyZ\r\n"
    "content-disposition: form-data; name=\"groups_file\"; filename=\"groups.csv\"\r\n"
    "Content-Type: text/csv\r\n"
    "\r\n"
    "apiclub\r\n--XY not the boundary\r\n-1\r\n"
    "--XyZ--\r\n"
    "epilogue too";

TEST(ParseMultipart, ReadsEveryPart) {
  const auto result = parse_multipart(two_parts, "XyZ");
  ASSERT_EQ(result.error, "");
  ASSERT_EQ(result.parts.size(), 2u);
  EXPECT_EQ(result.parts[0].name, "name");
  EXPECT_FALSE(result.parts[0].filename);
  EXPECT_EQ(result.parts[0].content_type, "text/plain");
  EXPECT_EQ(result.parts[0].data, "Autumn run");
  EXPECT_EQ(result.parts[1].name, "groups_file");
  EXPECT_EQ(result.parts[1].filename, "groups.csv");
  EXPECT_EQ(result.parts[1].content_type, "text/csv");
  EXPECT_EQ(result.parts[1].data, "apiclub\r\n--XY not the boundary\r\n-1");
}

TEST(ParseMultipart, KeepsBinaryAndEmptyData) {
  const std::string body = std::string{"--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n"} +
                           std::string{"\0\r\n\xff", 4} +
                           "\r\n--b\r\nContent-Disposition: form-data; name=\"e\"\r\n\r\n\r\n--b--";
  const auto result = parse_multipart(body, "b");
  ASSERT_EQ(result.error, "");
  ASSERT_EQ(result.parts.size(), 2u);
  EXPECT_EQ(result.parts[0].data, std::string("\0\r\n\xff", 4));
  EXPECT_EQ(result.parts[1].data, "");
}

TEST(ParseMultipart, MalformedBodiesAreErrorsWithNoParts) {
  const std::string part = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue";
  const std::string_view bad_bodies[] = {
      "",
      "no boundary here",
      "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue",  // never closed
      "--b\r\nContent-Disposition: form-data; name=\"a\"",               // headers never end
      "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--",               // no Content-Disposition
      "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--",
      "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--",
      "--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b--",
      "--b\r\nno colon\r\n\r\nx\r\n--b--",
      "--bX\r\n",
  };
  for (const auto body : bad_bodies) {
    const auto result = parse_multipart(body, "b");
    EXPECT_NE(result.error, "") << body;
    EXPECT_TRUE(result.parts.empty()) << body;
  }
  // A good first part does not survive a bad second one.
  const auto result = parse_multipart(part + "\r\n--b\r\nbroken\r\n\r\nx\r\n--b--", "b");
  EXPECT_NE(result.error, "");
  EXPECT_TRUE(result.parts.empty());
}

TEST(ParseMultipart, UnescapesQuotedParameters) {
  const auto result = parse_multipart(
      "--b\r\nContent-Disposition: form-data; name=\"groups_file\"; filename=\"my \\\"list\\\".txt\"\r\n\r\nx\r\n--b--",
      "b");
  ASSERT_EQ(result.error, "");
  EXPECT_EQ(result.parts[0].filename, "my \"list\".txt");
}

}  // namespace
}  // namespace vka::http
