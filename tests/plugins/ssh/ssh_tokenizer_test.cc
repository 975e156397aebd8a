// Unit tests of the pieces under the `ssh` codec: header parser, builtin
// template matcher, generic tokeniser, template compiler.
#include <gtest/gtest.h>

#include "ssh_format.hpp"
#include "syslog_header.hpp"
#include "templates.hpp"

namespace {

using namespace at1::ssh;

TEST(SshHeader, ParsesSyslogPrefix) {
  SyslogHeader h;
  std::string_view line = "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user x from 1.2.3.4";
  parse_header(line, &h);
  EXPECT_EQ(h.ts_kind, kTsStd);
  EXPECT_TRUE(h.has_host);
  EXPECT_EQ(h.host, "LabSZ");
  EXPECT_EQ(h.tag_kind, kTagPid);
  EXPECT_EQ(h.name, "sshd");
  EXPECT_EQ(h.pid, 24200u);
  EXPECT_EQ(line.substr(h.body_start), "Invalid user x from 1.2.3.4");
  char buf[16];
  ASSERT_EQ(format_timestamp(h.time, h.ts_kind, buf), 16u);
  EXPECT_EQ(std::string_view(buf, 16), "Dec 10 06:55:46 ");
}

TEST(SshHeader, DayFormatsRoundTrip) {
  for (std::string_view ts : {"Jan  5 01:02:03 ", "Jan 05 01:02:03 ", "Jan 5 01:02:03 ", "Jan 15 01:02:03 "}) {
    SyslogHeader h;
    std::string line = std::string(ts) + "h p[1]: m";
    parse_header(line, &h);
    ASSERT_NE(h.ts_kind, kTsNone) << ts;
    char buf[16];
    size_t n = format_timestamp(h.time, h.ts_kind, buf);
    EXPECT_EQ(std::string_view(buf, n), ts);
  }
}

TEST(SshHeader, JournalAndTaglessLines) {
  SyslogHeader h;
  parse_header("srv sshd[5]: hello", &h);
  EXPECT_EQ(h.ts_kind, kTsNone);
  EXPECT_EQ(h.host, "srv");
  EXPECT_EQ(h.pid, 5u);
  parse_header("just some words", &h);
  EXPECT_FALSE(h.has_host);
  EXPECT_EQ(h.tag_kind, kTagNone);
  EXPECT_EQ(h.body_start, 0u);
  parse_header("Dec 10 06:55:46 host kernel: up", &h);
  EXPECT_EQ(h.tag_kind, kTagName);
  EXPECT_EQ(h.name, "kernel");
}

TEST(SshHeader, IsoTimestamps) {
  SyslogHeader h;
  std::string_view line = "2015-04-16T18:02:50.321974+00:00 host sshd[2716]: Connection closed by 1.2.3.4";
  parse_header(line, &h);
  ASSERT_TRUE(h.iso);
  EXPECT_EQ(h.ts_kind, kTsNone);
  EXPECT_EQ(h.iso_time.frac_digits, 6);
  EXPECT_EQ(h.iso_time.frac, 321974u);
  EXPECT_EQ(h.iso_time.zone, "+00:00");
  EXPECT_EQ(h.host, "host");
  EXPECT_EQ(h.pid, 2716u);
  EXPECT_EQ(line.substr(h.body_start), "Connection closed by 1.2.3.4");
  char buf[32];
  size_t n = format_iso_time(h.iso_time, buf);
  EXPECT_EQ(std::string_view(buf, n), "2015-04-16T18:02:50.321974");
  EXPECT_EQ(iso_millis(h.iso_time), 1429207370321LL);
  // Not dates: Feb 29 of a common year, hour 24, a 10-digit fraction.
  for (std::string_view bad : {"2023-02-29T00:00:00 h p[1]: x", "2023-01-01T24:00:00 h p[1]: x",
                               "2023-01-01T00:00:00.1234567890 h p[1]: x", "2023-01-01T00:00:00+2 h p[1]: x"}) {
    parse_header(bad, &h);
    EXPECT_FALSE(h.iso) << bad;
  }
  parse_header("2024-02-29 23:59:59Z h p[1]: x", &h);
  EXPECT_TRUE(h.iso);
  EXPECT_TRUE(h.iso_time.space_sep);
}

TEST(SshTemplates, BuiltinMatchesFailedPassword) {
  std::vector<SlotValue> slots;
  int id = match_builtin("Failed password for invalid user test9 from 52.80.34.196 port 36060 ssh2", &slots);
  ASSERT_GE(id, 0);
  ASSERT_EQ(slots.size(), 3u);
  EXPECT_EQ(slots[0].type, kSlotUser);
  EXPECT_EQ(slots[0].text, "test9");
  EXPECT_EQ(slots[1].type, kSlotAddr);
  EXPECT_EQ(slots[1].text, "52.80.34.196");
  EXPECT_EQ(slots[2].type, kSlotPort);
  EXPECT_EQ(slots[2].num, 36060u);
}

TEST(SshTemplates, BuiltinRejectsNonCanonicalValues) {
  std::vector<SlotValue> slots;
  // Port with a leading zero, port over 65535, user with a space: no
  // template may take them, or the text would not come back.
  EXPECT_LT(match_builtin("Connection from 1.2.3.4 port 022", &slots), 0);
  EXPECT_LT(match_builtin("Connection closed by 1.2.3.4 port 70000", &slots), 0);
  EXPECT_LT(match_builtin("Invalid user a b from c d", &slots), 0);
}

TEST(SshTemplates, PamLineWithTrailingSpace) {
  std::vector<SlotValue> slots;
  std::string_view a = "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4 ";
  std::string_view b = "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=root";
  int ia = match_builtin(a, &slots);
  ASSERT_GE(ia, 0);
  EXPECT_EQ(slots.size(), 1u);
  int ib = match_builtin(b, &slots);
  ASSERT_GE(ib, 0);
  EXPECT_NE(ia, ib);
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[1].text, "root");
}

TEST(SshTemplates, GenericTokeniserTypesVariables) {
  std::string key;
  std::vector<SlotValue> slots;
  tokenize_generic("up 42 days from 10.0.0.1 and ::1, id 007 ssh2 x\x01y", &key, &slots);
  ASSERT_EQ(slots.size(), 4u);
  EXPECT_EQ(slots[0].type, kSlotNum);
  EXPECT_EQ(slots[0].num, 42u);
  EXPECT_EQ(slots[1].type, kSlotAddr);
  EXPECT_EQ(slots[2].type, kSlotAddr);
  EXPECT_EQ(slots[2].text, "::1");
  EXPECT_EQ(slots[3].type, kSlotZero);
  EXPECT_EQ(slots[3].width, 3);
  Template t;
  ASSERT_TRUE(compile_template(key, &t));
  ASSERT_EQ(t.pieces.size(), 5u);
  EXPECT_EQ(t.lit(t.pieces[0]), "up ");
  EXPECT_EQ(t.lit(t.pieces[4]), " ssh2 x\x01y");
}

TEST(SshTemplates, CompileRejectsMalformed) {
  Template t;
  EXPECT_FALSE(compile_template("abc\x01", &t));
  EXPECT_FALSE(compile_template("abc\x01Q", &t));
  EXPECT_FALSE(compile_template(std::string_view("\x01Z\x00", 3), &t));
  EXPECT_TRUE(compile_template("a\x01\x01" "b", &t));
  EXPECT_EQ(t.literals, "a\x01" "b");
}

TEST(SshTemplates, EveryBuiltinCompilesWithLiteralsBetweenSlots) {
  const auto& all = builtin_templates();
  ASSERT_GT(all.size(), 50u);
  for (size_t i = 0; i < all.size(); ++i) {
    const Template& t = all[i];
    ASSERT_FALSE(t.pieces.empty());
    EXPECT_GT(t.pieces[0].lit_len, 0u) << i;
    for (size_t k = 1; k + 1 < t.pieces.size(); ++k) EXPECT_GT(t.pieces[k].lit_len, 0u) << i;
  }
}

}  // namespace
