// Merges templates that differ in a few space-separated segments (as Drain /
// LogShrink group messages): each varying segment becomes a kVarStr slot
// whose value is the line's own text there. This keeps one template per
// message shape when names (users, packages, hosts) vary, instead of one
// template per name.
#ifndef AT1_LOG_CLUSTER_HPP
#define AT1_LOG_CLUSTER_HPP

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace at1::log {

struct Merge {
  std::string text;              // the merged template
  std::vector<uint8_t> varying;  // per segment of the original: 1 = now a kVarStr slot
  bool any = false;              // some segment varies
};

// One Merge per template, same order.
// uses[t]: lines of template t; frequent templates keep their own shape.
std::vector<Merge> merge_templates(const std::deque<std::string>& templates, const std::vector<uint32_t>& uses);

}  // namespace at1::log

#endif  // AT1_LOG_CLUSTER_HPP
