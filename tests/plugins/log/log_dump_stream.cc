#include <gtest/gtest.h>
#include "log_test_util.hpp"
#include <cstdio>
int main(int argc, char** argv) {
  std::string text = at1::log::test::read_file(argv[1]);
  auto e = at1::sdk::testing::encode(at1::log::test::codec(), text);
  auto all = at1::log::test::unpacked(e.streams);
  auto& s = all[argv[2]];
  fwrite(s.data(), 1, s.size(), stdout);
}
