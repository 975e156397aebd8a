// Byte-edge cases, statistics, probe and corruption handling of the `ssh`
// codec, through the SDK's in-memory host.
#include <gtest/gtest.h>

#include <cstring>

#include "ssh_test_util.hpp"

namespace {

using ssh_test::codec;
using ssh_test::round_trip;

const char kLine[] =
    "Dec 10 07:07:45 LabSZ sshd[24206]: Failed password for invalid user test9 from 52.80.34.196 port "
    "36060 ssh2";

TEST(SshCodec, DescriptorIsSane) {
  const at1_plugin* p = at1_plugin_entry();
  EXPECT_EQ(p->abi_major, AT1_ABI_MAJOR);
  ASSERT_EQ(p->codec_count, 1u);
  EXPECT_STREQ(codec()->name, "ssh");
  EXPECT_NE(codec()->probe, nullptr);
  EXPECT_TRUE(codec()->capabilities & AT1_CAP_STATS);
}

TEST(SshCodec, EmptyInput) { EXPECT_EQ(round_trip(""), ""); }

TEST(SshCodec, LineEndings) {
  std::string l = kLine;
  const std::vector<std::string> cases = {l + "\n", l + "\r\n", l, l + "\r\n" + l + "\n" + l,
                                         l + "\r\n" + l + "\r\n" + l, l + "\r", l + "\r\r\n", "\n", "\r\n",
                                         "\n\n\n", l + "\n\n" + l + "\n\r\n"};
  for (const std::string& text : cases) {
    EXPECT_EQ(round_trip(text), "") << text;
  }
}

TEST(SshCodec, TrailingSpacesTabsAndEmptyLines) {
  std::string l = kLine;
  const std::vector<std::string> cases = {l + " \n", l + "  \t\n", "\t" + l + "\n", l + "\n\n \n\t\n",
                           std::string("Dec 10 07:07:45 LabSZ sshd[1]: \n"),
                           std::string("Dec 10 07:07:45 LabSZ sshd[1]:\n"),
                           std::string("Dec 10 07:07:45 LabSZ sshd[1]: Failed password for\tx from 1.2.3.4 port 1 ssh2\n"),
                           std::string("Dec 10 07:07:45  LabSZ  sshd[1]:  x\n")};
  for (const std::string& text : cases) {
    EXPECT_EQ(round_trip(text), "") << text;
  }
}

TEST(SshCodec, NonUtf8AndControlBytes) {
  std::string text = "Dec 10 07:07:45 LabSZ sshd[24206]: Invalid user \xff\xfe\x80 from 1.2.3.4\n";
  static const char kControl[] = "Dec 10 07:07:45 Lab\x01SZ sshd[2]: odd \x01 marker \x01U \x00 nul\n";
  text += std::string(kControl, sizeof kControl - 1);
  text += "Dec 10 07:07:45 LabSZ sshd[24206]: \x01\x01\x01\n";
  EXPECT_EQ(round_trip(text), "");
}

TEST(SshCodec, LineOverOneMegabyte) {
  std::string big = "Dec 10 07:07:45 LabSZ sshd[24206]: Received disconnect from 1.2.3.4: 11: ";
  big += std::string(1 << 20, 'x') + " 12 1.2.3.4 \n";
  big += std::string(3 << 19, '7') + "\n" + kLine;
  EXPECT_EQ(round_trip(big), "");
}

TEST(SshCodec, HeaderVariants) {
  const char* lines[] = {
      "Jan  5 01:31:41 www sshd[1643]: ROOT LOGIN REFUSED FROM 1.2.3.4",
      "Jul 05 18:22:44 mercury sshd[4669]: Connection closed by 1.2.3.4",
      "Feb 7 16:01:07 linux-m899 sshd[5106]: User root from 192.51.100.54 not allowed because x",
      "Mar  3 00:17:22 [sshd]: User root from 211.188.220.49 not allowed because not listed",
      "Jun 25 23:53:34 [sshd] User root from 1.2.3.4 not allowed because not listed in AllowUsers",
      "Nov 23 21:50:19 sshd[8148]: Disconnecting: Too many authentication failures for root [preauth]",
      "srv sshd[13709]: error: PAM: Authentication failure for myhlj1374 from 192.030.0.6",
      "2015-04-16T18:02:50.321974+00:00 host sshd[2716]: Connection closed by 192.0.2.112 [preauth]",
      "<38>1 2019-07-08T17:40:16.954167-04:00 host.example.com sshd 57915 - - Failed unknown for x",
      "Dec 32 07:07:45 LabSZ sshd[1]: day 32", "Dec 10 24:07:45 LabSZ sshd[1]: hour 24",
      "Dec 10 07:07:60 LabSZ sshd[1]: second 60", "Dec  0 07:07:45 LabSZ sshd[1]: day 0",
      "Foo 10 07:07:45 LabSZ sshd[1]: month", "Dec 10 07:07:45 LabSZ sshd[0123]: pid zero",
      "Dec 10 07:07:45 LabSZ sshd[1234567890]: long pid", "Dec 10 07:07:45", "Dec 10 07:07:45 ",
      "Dec 10 07:07:45 host", "Dec 10 07:07:45 host ", "sshd[1]: ", "x", "sshd[]: y", "a: b",
  };
  std::string text;
  for (const char* l : lines) text += std::string(l) + "\n";
  EXPECT_EQ(round_trip(text), "");
  for (const char* l : lines) EXPECT_EQ(round_trip(l), "") << l;
}

TEST(SshCodec, IsoTimestampsRoundTrip) {
  std::string text =
      "2023-07-10T10:00:01.123456+02:00 deb sshd[811]: Server listening on 0.0.0.0 port 22.\n"
      "2023-07-10T10:00:01.000001+02:00 deb sshd[811]: Server listening on :: port 22.\n"
      "2023-07-10T10:05:00+0200 deb CRON[90]: pam_unix(cron:session): session closed for user root\n"
      "2023-07-10 10:05:00Z deb sshd[91]: Accepted publickey for bob from 10.0.0.2 port 50000 ssh2: ED25519 SHA256:abc\n"
      "0000-01-01T00:00:00 old p[1]: year zero\n9999-12-31T23:59:59.999999999 new p[1]: last second\n"
      "1960-03-01T12:00:00.5 neg p[1]: before the epoch\n2024-02-29T00:00:00 leap p[1]: ok\n"
      "2023-02-29T00:00:00 bad p[1]: not a date\n2023-07-10T10:00:01.123456+02:00\n";
  EXPECT_EQ(round_trip(text), "");
  auto e = at1::sdk::testing::encode(codec(), "2023-07-10T10:00:01.123+02:00 deb sshd[811]: x\n");
  ASSERT_EQ(e.stats.count(AT1_STAT_TIME), 1u);
  int64_t lo;
  std::memcpy(&lo, e.stats[AT1_STAT_TIME].first.data(), 8);
  EXPECT_EQ(lo, 1688976001123LL);  // 08:00:01.123 UTC
}

TEST(SshCodec, Ipv6AndAddresses) {
  std::string text =
      "Feb 25 14:34:10 belka sshd[31603]: Failed password for invalid user ROOT from "
      "aaaa:bbbb:cccc:1234::1:1 port 50273 ssh2\n"
      "Jan  5 01:31:41 www sshd[1643]: ROOT LOGIN REFUSED FROM ::ffff:1.2.3.4\n"
      "Jan  5 01:31:41 www sshd[1643]: refused connect from x@::ffff:218.249.210.161 (::ffff:218.249.210.161)\n"
      "Jan  5 01:31:41 www sshd[1643]: odd ::1: 11: bye 2001:db8::1 fe80::1%eth0 ::\n"
      "Jan  5 01:31:41 www sshd[1643]: Accepted publickey for a from 2001:db8::1 port 22 ssh2: RSA SHA256:x\n"
      "Jan  5 01:31:41 www sshd[1643]: Connection from 1.2.3.4 port 99999 on 256.1.1.1 port 022\n"
      "Jan  5 01:31:41 www sshd[1643]: nums 007 0 00 123456789012345678901234 1.2.3.4.5 1.2.3. v1.2\n";
  EXPECT_EQ(round_trip(text), "");
}

TEST(SshCodec, UnknownDaemons) {
  std::string text =
      "Dec 10 06:55:46 LabSZ CRON[24200]: pam_unix(cron:session): session opened for user root by (uid=0)\n"
      "Dec 10 06:55:46 LabSZ kernel: [  970.699396] eth0: link up\n"
      "Dec 10 06:55:46 LabSZ systemd-logind[1]: New session 12 of user bob.\n"
      "Dec 10 06:55:47 LabSZ sudo:   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls\n";
  EXPECT_EQ(round_trip(text), "");
}

TEST(SshCodec, FrameIndexDoesNotMatter) {
  std::string text = std::string(kLine) + "\n" + kLine + "\n";
  EXPECT_EQ(round_trip(text, 7), "");
}

TEST(SshCodec, ReportsTimeStatistic) {
  std::string text = "Dec 10 06:55:46 LabSZ sshd[24200]: a\nDec 10 07:07:45 LabSZ sshd[24200]: b\n";
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK);
  ASSERT_EQ(e.stats.count(AT1_STAT_TIME), 1u);
  int64_t lo, hi;
  std::memcpy(&lo, e.stats[AT1_STAT_TIME].first.data(), 8);
  std::memcpy(&hi, e.stats[AT1_STAT_TIME].second.data(), 8);
  // Year 1970 (syslog has none): Dec 10 is day 343 of the year.
  const int64_t dec10 = 343LL * 86400000;
  EXPECT_EQ(lo, dec10 + (6 * 3600 + 55 * 60 + 46) * 1000LL);
  EXPECT_EQ(hi, dec10 + (7 * 3600 + 7 * 60 + 45) * 1000LL);
  auto none = at1::sdk::testing::encode(codec(), "srv sshd[1]: x\n");
  EXPECT_EQ(none.stats.count(AT1_STAT_TIME), 0u);
}

TEST(SshCodec, ProbeLikesSshdAndNotOthers) {
  std::string ssh;
  for (int i = 0; i < 20; ++i) ssh += std::string(kLine) + "\r\n";
  EXPECT_GE(codec()->probe(reinterpret_cast<const uint8_t*>(ssh.data()), ssh.size()), 90);
  std::string csv = "a,b,c\n1,2,3\n4,5,6\n";
  EXPECT_LE(codec()->probe(reinterpret_cast<const uint8_t*>(csv.data()), csv.size()), 10);
  EXPECT_EQ(codec()->probe(nullptr, 0), 0);
}

TEST(SshCodec, TruncatedOrMissingStreamsAreCorrupt) {
  std::string text = std::string(kLine) + "\n" + kLine + "\n";
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK);
  for (auto& kv : e.streams) {
    if (kv.second.empty()) continue;
    auto streams = e.streams;
    streams[kv.first].pop_back();
    auto d = at1::sdk::testing::decode(codec(), streams, text.size(), 2);
    EXPECT_NE(d.status, AT1_OK) << kv.first;
    streams.erase(kv.first);
    d = at1::sdk::testing::decode(codec(), streams, text.size(), 2);
    EXPECT_EQ(d.status, AT1_E_CORRUPT) << kv.first;
  }
}

}  // namespace
