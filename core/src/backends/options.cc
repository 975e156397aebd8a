#include "at1/options.h"

#include <stdexcept>

namespace at1 {

const char* BackendName(BackendId id) {
  switch (id) {
    case BackendId::kStored: return "stored";
    case BackendId::kXz: return "xz";
    case BackendId::kZstd: return "zstd";
  }
  return "unknown";
}

Result<BackendId> ParseBackend(const std::string& name) {
  if (name == "xz") return BackendId::kXz;
  if (name == "zstd") return BackendId::kZstd;
  if (name == "stored" || name == "none") return BackendId::kStored;
  return Status::InvalidArgument("unknown backend '" + name + "' (choose xz, zstd or stored)");
}

BackendSettings DefaultBackendSettings(BackendId id) {
  switch (id) {
    case BackendId::kXz: return {BackendId::kXz, 9, true};
    case BackendId::kZstd: return {BackendId::kZstd, 3, false};
    case BackendId::kStored: return {BackendId::kStored, 0, false};
  }
  return {};
}

Status ParseLevel(const std::string& text, BackendSettings* s) {
  std::string digits = text;
  bool extreme = false;
  if (!digits.empty() && digits.back() == 'e') {
    extreme = true;
    digits.pop_back();
  }
  int level = 0;
  try {
    size_t used = 0;
    level = std::stoi(digits, &used);
    if (used != digits.size()) throw std::invalid_argument(text);
  } catch (...) {
    return Status::InvalidArgument("bad level '" + text + "'");
  }
  switch (s->id) {
    case BackendId::kXz:
      if (level < 0 || level > 9) return Status::InvalidArgument("xz level must be 0..9 (optionally with e)");
      s->extreme = extreme;
      break;
    case BackendId::kZstd:
      if (extreme || level < -7 || level > 22) return Status::InvalidArgument("zstd level must be -7..22");
      s->extreme = false;
      break;
    case BackendId::kStored:
      break;
  }
  s->level = level;
  return Status::OK();
}

}  // namespace at1
