// The `log` codec's column mechanisms: each test builds input that exercises
// one (wide numbers with back-references, recent-string ranks, later
// timestamp groups, constant slots folded into templates), checks the round
// trip, and checks the mechanism actually engaged (the stream it writes).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "format.hpp"
#include "log_test_util.hpp"

namespace at1::log::test {
namespace {

using at1::sdk::testing::encode;

std::string stream(const std::string& text, const char* name) {
  auto e = encode(codec(), text);
  EXPECT_EQ(e.status, AT1_OK);
  const auto all = unpacked(e.streams);
  auto it = all.find(name);
  return it == all.end() ? std::string() : it->second;
}

// A small deterministic generator (no <random>: the same bytes everywhere).
uint64_t next(uint64_t* s) {
  *s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17;
  return *s;
}

TEST(LogStreams, WideNumbersWithRepeats) {
  std::string text;
  uint64_t seed = 88172645463325252ull;
  std::vector<int64_t> ids;
  for (int i = 0; i < 600; ++i) {
    const bool repeat = i % 3 == 2 && !ids.empty();
    const int64_t id = repeat ? ids[next(&seed) % ids.size()] : static_cast<int64_t>(next(&seed));
    ids.push_back(id);
    text += (i % 2 ? "Receiving block blk_" : "Deleting blk_") + std::to_string(id) + " size " +
            std::to_string(i % 7) + "\n";
  }
  EXPECT_TRUE(exact(text));
  const std::string wide = stream(text, kStreamWide);
  EXPECT_GT(wide.size(), 300u * 7);  // new ids as fixed-width bytes ...
  EXPECT_LT(wide.size(), 500u * 8);  // ... repeats as references
  for (const auto& f : frames_of(text, 200)) EXPECT_TRUE(exact(f, 1));
  // Extremes and mixed signs in one wide column.
  EXPECT_TRUE(exact("id 9223372036854775807\nid -9223372036854775807\nid 1234567890123\nid 9223372036854775807\n"));
}

TEST(LogStreams, RecentStringRanks) {
  std::string text;
  const char* pkgs[] = {"libc6:amd64", "zlib1g:amd64", "tzdata:all", "libssl3:amd64", "bash:amd64"};
  const char* states[] = {"half-installed", "unpacked", "half-configured", "installed"};
  for (int i = 0; i < 400; ++i) {
    const char* pkg = pkgs[(i / 4) % 5];
    text += std::string("2025-06-24 14:36:") + (i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + " status " +
            states[i % 4] + " " + pkg + " 1.2-" + std::to_string(i / 4) + "\n";
    if (i % 17 == 0) text += std::string("2025-06-24 14:37:00 configure ") + pkg + " <none>\n";
  }
  EXPECT_TRUE(exact(text));
  const std::string ranks = stream(text, kStreamStringRanks);
  EXPECT_FALSE(ranks.empty());
  EXPECT_NE(ranks.find_first_not_of('\0'), std::string::npos);  // some values coded by rank
  for (const auto& f : frames_of(text, 200)) EXPECT_TRUE(exact(f, 3));
  // More distinct strings than the recent list holds.
  std::string many;
  for (int i = 0; i < 300; ++i) many += "user u" + std::string(1, static_cast<char>('a' + i % 26)) +
                                        std::string(1, static_cast<char>('a' + i / 26)) + " logged in\n";
  EXPECT_TRUE(exact(many));
}

TEST(LogStreams, LaterTimestampGroups) {
  // A file-name stamp first (two files interleaved), the event time second: the
  // second group must follow its own clock.
  std::string text;
  for (int i = 0; i < 300; ++i) {
    char line[160];
    std::snprintf(line, sizeof line, "nova-api.log.1.2017-05-16_13:%02d:08 2017-05-16 00:%02d:%02d.%03d %d INFO x\n",
                  i % 2 ? 53 : 55, i / 60, i % 60, (i * 37) % 1000, 25746 + i % 3);
    text += line;
  }
  EXPECT_TRUE(exact(text));
  const std::string later = stream(text, kStreamLaterTimes);
  ASSERT_GE(later.size(), 2u);
  EXPECT_EQ(later[0], 2);            // groups: the first stamp + one more
  EXPECT_EQ(later[1], kTsOwnClock);  // its own clock, not relative
  // BGL style: three stamps per line, the later ones repeat the first's time.
  std::string bgl;
  for (int i = 0; i < 200; ++i) {
    char line[200];
    std::snprintf(line, sizeof line, "- %d 2005.06.03 R02 2005-06-03-15.%02d.%02d.%06d R02 RAS\n", 1117838570 + i * 2,
                  42 + (20 + i * 2) / 60, (50 + i * 2) % 60, (i * 7919) % 1000000);
    bgl += line;
  }
  EXPECT_TRUE(exact(bgl));
  // More stamps per line than there are groups.
  std::string many = "2020-01-01 00:00:00";
  for (int k = 0; k < 12; ++k) many += " 2020-01-0" + std::to_string(1 + k % 9) + " 00:00:0" + std::to_string(k % 10);
  EXPECT_TRUE(exact(many + "\n" + many + "\n"));
}

TEST(LogStreams, AddressRanks) {
  // Two address slots per line from a pool of hosts (more than the recent
  // list holds, so some addresses come back as new values).
  std::string text;
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 2000; ++i) {
    const uint64_t r = next(&seed);
    const int a = static_cast<int>(r % 300), b = static_cast<int>(r / 300 % 5);
    text += "Receiving from /10." + std::to_string(a / 256 + 250) + "." + std::to_string(a % 256) + "." +
            std::to_string(i % 7) + ":50010 dest: /10.0.0." + std::to_string(b) + ":" + std::to_string(40000 + i) + "\n";
  }
  EXPECT_TRUE(exact(text));
  const std::string ranks = stream(text, kStreamIpRanks), planes = stream(text, kStreamIps);
  ASSERT_EQ(ranks.size(), 4000u);  // one rank per address
  const size_t fresh = static_cast<size_t>(std::count(ranks.begin(), ranks.end(), '\0'));
  EXPECT_EQ(planes.size(), fresh * 4);
  EXPECT_LT(fresh, 2000u);  // repeats coded as ranks
  for (const auto& f : frames_of(text, 200)) EXPECT_TRUE(exact(f, 2));
  EXPECT_TRUE(exact("0.0.0.0 255.255.255.255 1.2.3.4 end 1.2.3.4\n1.2.3.4\n"));
}

TEST(LogStreams, StampedSegmentsNeverBecomeStrings) {
  // Rare messages whose first segment glues a timestamp to a component name
  // (HealthApp style): merging would store the stamps as text.
  std::string text;
  const char* comps[] = {"Step_LSC", "Step_SPUtils", "HiH_Sync", "Step_ExtSDM"};
  for (int i = 0; i < 12; ++i) {
    char line[120];
    std::snprintf(line, sizeof line, "20171223-22:15:%02d:%03d|%s|30002312|flush sensor data\n", i * 3, i * 71,
                  comps[i % 4]);
    text += line;
  }
  EXPECT_TRUE(exact(text));
  const std::string tpl = stream(text, kStreamTemplates);
  for (const char* c : comps) EXPECT_NE(tpl.find(c), std::string::npos) << c;
  EXPECT_TRUE(stream(text, kStreamStrings).empty());
}

TEST(LogStreams, ConstantSlotsFoldIntoTemplates) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "port 5070 open id " + std::to_string(1000 + i) + " 0xff 1.5 abc123\n";
  EXPECT_TRUE(exact(text));
  const std::string tpl = stream(text, kStreamTemplates);
  EXPECT_NE(tpl.find("port 5070 open"), std::string::npos);
  EXPECT_NE(tpl.find("0xff 1.5 abc123"), std::string::npos);
  EXPECT_TRUE(exact("single line 42 0x1f 2.5 deadbeef\n"));
}

// The encoder keeps numbers as values only: a constant slot's text is
// printed back from its value, for every numeric kind.
TEST(LogStreams, ConstantSlotsOfEveryKindFoldFromTheirValues) {
  std::string text;
  for (int i = 0; i < 20; ++i)
    text += "n -5 w 007 x 0xDEAD y 0x1f ip 10.0.0.1 h deadbeef12 f 2.50 v " + std::to_string(i) + "\n";
  EXPECT_TRUE(exact(text));
  EXPECT_NE(stream(text, kStreamTemplates).find("n -5 w 007 x 0xDEAD y 0x1f ip 10.0.0.1 h deadbeef12 f 2.50 v "),
            std::string::npos);
  // Constant on every line but the last: stays a slot.
  std::string almost;
  for (int i = 0; i < 20; ++i) almost += "retry " + std::to_string(i) + " code " + (i < 19 ? "7" : "8") + "\n";
  EXPECT_TRUE(exact(almost));
  EXPECT_EQ(stream(almost, kStreamTemplates).find("code 7"), std::string::npos);
}

// Merged templates find their constant slots from the stored variables.
TEST(LogStreams, MergedTemplatesFoldTheirConstants) {
  std::string text;
  const char* users[] = {"alice", "bob", "carol", "dave"};
  for (int i = 0; i < 8; ++i)
    text += std::string("session opened for ") + users[i % 4] + " from 10.1.2.3 port 22 id " + std::to_string(i) + "\n";
  EXPECT_TRUE(exact(text));
  EXPECT_NE(stream(text, kStreamTemplates).find("from 10.1.2.3 port 22 id "), std::string::npos);
  const std::string str = stream(text, kStreamStrings);
  for (const char* u : users) EXPECT_NE(str.find(u), std::string::npos) << u;
}

TEST(LogStreams, EmptyStreamsAreLeftOut) {
  auto e = encode(codec(), "plain words only\nand more words\n");
  ASSERT_EQ(e.status, AT1_OK);
  const auto all = unpacked(e.streams);
  EXPECT_FALSE(all.count(kStreamWide));
  EXPECT_FALSE(all.count(kStreamLaterTimes));
  EXPECT_FALSE(all.count(kStreamHex));
  EXPECT_TRUE(all.count(kStreamEol));
  EXPECT_TRUE(exact("plain words only\nand more words\n"));
}

TEST(LogStreams, SmallStreamsArePacked) {
  // A small frame: everything in one pack.
  std::string small;
  for (int i = 0; i < 50; ++i) small += "2020-01-01 00:00:" + std::to_string(10 + i) + " job " + std::to_string(i * 7) + " done\n";
  auto e = encode(codec(), small);
  ASSERT_EQ(e.status, AT1_OK);
  EXPECT_EQ(e.streams.size(), 1u);
  EXPECT_TRUE(e.streams.count(kStreamPack));
  EXPECT_TRUE(exact(small));
  // A big frame: big streams on their own, random ids (near 8 bits a byte) too.
  std::string big;
  uint64_t seed = 0x2545F4914F6CDD1Dull;
  for (int i = 0; i < 30000; ++i)
    big += "job " + std::to_string(next(&seed) % 1000000) + " block blk_" + std::to_string(next(&seed) >> 1) + " text " +
           std::to_string(i) + "\n";
  e = encode(codec(), big);
  ASSERT_EQ(e.status, AT1_OK);
  EXPECT_TRUE(e.streams.count(kStreamNumbers));
  EXPECT_TRUE(e.streams.count(kStreamWide));
  EXPECT_TRUE(e.streams.count(kStreamPack));  // line endings, templates, modes
  EXPECT_TRUE(exact(big));
  // Damaged packs: a stream twice, an unknown id, a stream both packed and separate.
  auto d = at1::sdk::testing::decode(codec(), e.streams, big.size(), 30000);
  ASSERT_EQ(d.status, AT1_OK);
  auto broken = e.streams;
  broken[kStreamPack] += broken[kStreamPack];
  EXPECT_NE(at1::sdk::testing::decode(codec(), broken, big.size(), 30000).status, AT1_OK);
  broken = e.streams;
  broken[kStreamPack] += std::string("\x7f\x00", 2);
  EXPECT_NE(at1::sdk::testing::decode(codec(), broken, big.size(), 30000).status, AT1_OK);
  broken = e.streams;
  broken[kStreamEol] = unpacked(e.streams)[kStreamEol];
  EXPECT_NE(at1::sdk::testing::decode(codec(), broken, big.size(), 30000).status, AT1_OK);
}

}  // namespace
}  // namespace at1::log::test
