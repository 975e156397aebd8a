// Template merging (see cluster.hpp). Greedy and single-pass: a template
// joins the most similar earlier cluster with the same segment count when at
// least half of its segments match that cluster's fixed segments.
#include "cluster.hpp"

#include <string_view>
#include <unordered_map>

#include "format.hpp"

namespace at1::log {
namespace {

// Clusters compared per template: bounds encode time on frames with many
// distinct shapes; the recent ones are the likeliest matches.
constexpr size_t kCandidates = 48;
// Templates with this many lines keep their own shape: merging them mixes
// their numeric columns with other messages' (measured with the stream pack: 8; 16 before it).
constexpr uint32_t kMaxMergedUses = 8;

struct Cluster {
  std::vector<std::string_view> rep;
  std::vector<uint8_t> varying;
  std::vector<uint8_t> typed;  // per segment of rep: holds a typed variable
  std::vector<uint32_t> members;
  bool frequent = false;  // founded by a frequent template: its typed slots stay typed
};

void split_segments(std::string_view t, std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == ' ') {
      out->push_back(t.substr(start, i - start));
      start = i + 1;
    }
  }
}

// Segments holding typed variables become strings only in rare clusters;
// segments holding a timestamp never do.
enum SegmentType : uint8_t { kUntyped = 0, kTyped = 1, kStamped = 2 };
uint8_t segment_type(std::string_view s) {
  uint8_t t = kUntyped;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<uint8_t>(s[i]);
    if (b == kVarTs) return kStamped;
    if (is_placeholder(b)) t = kTyped;
    if (kind_has_param(b) && is_placeholder(b)) ++i;  // skip the parameter byte
  }
  return t;
}

}  // namespace

std::vector<Merge> merge_templates(const std::deque<std::string>& templates, const std::vector<uint32_t>& uses) {
  std::vector<Merge> out(templates.size());
  std::vector<Cluster> clusters;
  std::unordered_map<size_t, std::vector<uint32_t>> by_count;
  std::vector<std::string_view> segs;
  std::vector<uint8_t> typed;
  for (uint32_t t = 0; t < templates.size(); ++t) {
    split_segments(templates[t], &segs);
    const size_t n = segs.size();
    typed.resize(n);
    for (size_t p = 0; p < n; ++p) typed[p] = segment_type(segs[p]);
    auto& bucket = by_count[n];
    int best = -1;
    size_t best_eq = 0;
    const size_t first = bucket.size() > kCandidates ? bucket.size() - kCandidates : 0;
    for (size_t b = bucket.size(); b-- > first;) {
      const Cluster& c = clusters[bucket[b]];
      size_t eq = 0;
      bool typed_diff = false;  // a differing segment holds typed variables
      bool stamp_diff = false;  // ... a timestamp: never worth giving up (deltas beat text)
      for (size_t p = 0; p < n; ++p) {
        const bool same = !c.varying[p] && c.rep[p] == segs[p];
        eq += same;
        if (!same && (typed[p] == kStamped || c.typed[p] == kStamped)) stamp_diff = true;
        if (!same && (typed[p] || c.typed[p])) typed_diff = true;
      }
      // Typed segments only vary in rare clusters, and only when most segments match.
      if (stamp_diff || (typed_diff && (c.frequent || eq * 5 < n * 3))) continue;
      if (eq * 2 >= n && eq > best_eq && eq < n) best = static_cast<int>(bucket[b]), best_eq = eq;
    }
    if (best < 0 || n < 2 || uses[t] >= kMaxMergedUses) {
      bucket.push_back(static_cast<uint32_t>(clusters.size()));
      clusters.push_back(Cluster{segs, std::vector<uint8_t>(n, 0), typed, {t}, uses[t] >= kMaxMergedUses});
      continue;
    }
    Cluster& c = clusters[static_cast<size_t>(best)];
    for (size_t p = 0; p < n; ++p)
      if (c.rep[p] != segs[p]) c.varying[p] = 1;
    c.members.push_back(t);
  }
  for (const Cluster& c : clusters) {
    std::string merged;
    bool any = false;
    for (size_t p = 0; p < c.rep.size(); ++p) {
      if (p) merged.push_back(' ');
      if (c.varying[p]) merged.push_back(static_cast<char>(kVarStr)), any = true;
      else merged.append(c.rep[p]);
    }
    for (uint32_t t : c.members) out[t] = Merge{merged, c.varying, any};
  }
  return out;
}

}  // namespace at1::log
