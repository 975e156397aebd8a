#include "at1/result.h"

namespace at1 {

std::string Status::ToString() const {
  const char* name = "ok";
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kNotFound: name = "not found"; break;
    case Code::kCorruption: name = "corrupt"; break;
    case Code::kChecksumMismatch: name = "checksum mismatch"; break;
    case Code::kNotSupported: name = "not supported"; break;
    case Code::kInvalidArgument: name = "invalid argument"; break;
    case Code::kIOError: name = "I/O error"; break;
    case Code::kPluginError: name = "plugin error"; break;
    case Code::kLimitExceeded: name = "limit exceeded"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace at1
