// probe(): how much a sample looks like sshd logs. Cheap: header parse and
// builtin template match on at most 200 complete lines.
#include "at1/cpp/lines.hpp"
#include "ssh_codec.hpp"
#include "ssh_format.hpp"
#include "syslog_header.hpp"
#include "templates.hpp"

namespace at1::ssh {

int32_t probe_sample(sdk::Bytes sample) {
  sdk::LineCursor cursor(sample);
  std::string_view line;
  sdk::Eol eol;
  std::vector<SlotValue> slots;
  int lines = 0, sshd = 0, known = 0, syslog = 0;
  while (lines < 200 && cursor.next(&line, &eol)) {
    if (eol == sdk::kEolNone && lines > 0) break;  // a cut-off last line says nothing
    ++lines;
    SyslogHeader h;
    parse_header(line, &h);
    if (h.tag_kind != kTagNone || h.ts_kind != kTsNone) ++syslog;
    if (h.name == "sshd") ++sshd;
    std::string_view body = line.substr(h.body_start);
    for (uint8_t p = kPrefixError; p <= kPrefixFatal; ++p)
      if (body.substr(0, kPrefixes[p].size()) == kPrefixes[p]) body.remove_prefix(kPrefixes[p].size());
    if (body.size() >= kPreauth.size() && body.substr(body.size() - kPreauth.size()) == kPreauth)
      body.remove_suffix(kPreauth.size());
    if (match_builtin(body, &slots) >= 0) ++known;
  }
  if (lines == 0) return 0;
  // sshd tags or known sshd messages make it ours; plain syslog is a weak fit.
  int score = (60 * sshd + 35 * known + 15 * syslog) / lines;
  return score > 100 ? 100 : score;
}

}  // namespace at1::ssh
