#include "domain/ip_address.hpp"

#include <gtest/gtest.h>

namespace vka::domain {
namespace {

TEST(IpAddress, PublicAddressesArePublic) {
  for (const char* address : {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2a00:1450:4001::1",
                              "2606:4700::1111", "::ffff:8.8.8.8"})
    EXPECT_TRUE(is_public_address(address)) << address;
}

TEST(IpAddress, PrivateLoopbackLinkLocalAndReservedAddressesAreNot) {
  for (const char* address : {"127.0.0.1",
                              "127.255.255.254",
                              "10.0.0.1",
                              "172.16.0.1",
                              "172.31.255.255",
                              "192.168.1.1",
                              "169.254.169.254",
                              "100.64.0.1",
                              "0.0.0.0",
                              "224.0.0.1",
                              "255.255.255.255",
                              "192.0.2.1",
                              "198.18.0.1",
                              "::1",
                              "::",
                              "fe80::1",
                              "fc00::1",
                              "fd12:3456::1",
                              "ff02::1",
                              "2001:db8::1",
                              "::ffff:127.0.0.1",
                              "::ffff:10.0.0.1",
                              "64:ff9b::a00:1",
                              "2002:7f00:1::1",
                              "fec0::1"})
    EXPECT_FALSE(is_public_address(address)) << address;
}

TEST(IpAddress, WhatIsNotAnAddressIsNotPublic) {
  for (const char* text : {"", "example.com", "1.2.3", "256.1.1.1", "[::1]", "1.2.3.4 "})
    EXPECT_FALSE(is_public_address(text)) << text;
  EXPECT_FALSE(is_public_address(std::string_view("8.8.8.8\0junk", 12))) << "a public address, then a NUL";
}

}  // namespace
}  // namespace vka::domain
