// at1/result.h — the one error type of libat1: Status, and Result<T>.
// (Named result.h so it never shadows the SDK's C header at1/status.h.)
//
// Every fallible core function returns one of these; exceptions stay out of
// the core's hot paths. A Status carries a code from a small fixed set and a
// message "what: context" meant for the user as it is.
#ifndef AT1_STATUS_HPP
#define AT1_STATUS_HPP

#include <string>
#include <utility>
#include <variant>

namespace at1 {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,          // a file, plugin or codec is not there
    kCorruption,        // bytes on disk are not a valid .at1 (or a codec stream is malformed)
    kChecksumMismatch,  // a CRC or the SHA-256 does not match
    kNotSupported,      // unknown codec, format version or backend
    kInvalidArgument,   // the caller asked for something impossible
    kIOError,           // the OS said no
    kPluginError,       // a plugin could not be loaded or misbehaved
    kLimitExceeded,     // a configured cap (decompression bomb guard) was hit
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status Corruption(std::string m) { return Status(Code::kCorruption, std::move(m)); }
  static Status ChecksumMismatch(std::string m) { return Status(Code::kChecksumMismatch, std::move(m)); }
  static Status NotSupported(std::string m) { return Status(Code::kNotSupported, std::move(m)); }
  static Status InvalidArgument(std::string m) { return Status(Code::kInvalidArgument, std::move(m)); }
  static Status IOError(std::string m) { return Status(Code::kIOError, std::move(m)); }
  static Status PluginError(std::string m) { return Status(Code::kPluginError, std::move(m)); }
  static Status LimitExceeded(std::string m) { return Status(Code::kLimitExceeded, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corruption: frame 3 at offset 1234: payload checksum mismatch"
  std::string ToString() const;
  // Prefixes context: Status::Corruption("bad crc").With("frame 3") -> "frame 3: bad crc".
  Status With(const std::string& context) const {
    return ok() ? *this : Status(code_, context + ": " + message_);
  }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status s) : v_(std::move(s)) {}     // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace at1

// Returns early from the enclosing function when `expr` is not OK.
#define AT1_RETURN_IF_ERROR(expr)        \
  do {                                   \
    ::at1::Status at1_status_ = (expr);  \
    if (!at1_status_.ok()) return at1_status_; \
  } while (0)

#endif  // AT1_STATUS_HPP
