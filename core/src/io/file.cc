#include "io/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace at1::io {
namespace {
std::string ErrnoText(const std::string& what, const std::string& path) {
  return what + " " + (path == "-" ? std::string("standard stream") : "'" + path + "'") + ": " + std::strerror(errno);
}
constexpr size_t kOutBuffer = 1 << 20;
// Big buffers go to the kernel in 128 KiB slices: on a 400 MB decompress this halved
// the system time of one 64 MiB write() per frame (the page-cache copy stays
// cache-friendly).
constexpr size_t kWriteSlice = 128 << 10;
// Pieces at least this big are written as they are, not copied into the
// buffer first (decompress hands over nearly full 1 MiB blocks).
constexpr size_t kDirectWrite = 64 << 10;
}  // namespace

InputFile::~InputFile() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

Status InputFile::Open(const std::string& path) {
  path_ = path;
  if (path == "-") {
    fd_ = 0;
    return Status::OK();
  }
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    if (errno == ENOENT) return Status::NotFound("input file '" + path + "' does not exist");
    return Status::IOError(ErrnoText("cannot open", path));
  }
  owned_ = true;
  struct stat st;
  if (::fstat(fd_, &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::InvalidArgument("'" + path + "' is a directory");
    if (S_ISREG(st.st_mode)) size_ = static_cast<uint64_t>(st.st_size);
  }
  return Status::OK();
}

Status InputFile::Read(void* buf, size_t n, size_t* got) {
  *got = 0;
  while (*got < n) {
    ssize_t r = ::read(fd_, static_cast<char*>(buf) + *got, n - *got);
    if (r < 0) {
      if (errno == EINTR) continue;
      return Status::IOError(ErrnoText("cannot read", path_));
    }
    if (r == 0) break;
    *got += static_cast<size_t>(r);
  }
  offset_ += *got;
  return Status::OK();
}

Status InputFile::ReadExact(void* buf, size_t n, const char* what) {
  size_t got;
  AT1_RETURN_IF_ERROR(Read(buf, n, &got));
  if (got != n) return Status::Corruption(std::string(what) + " truncated at offset " + std::to_string(offset_));
  return Status::OK();
}

Status InputFile::ReadAll(std::string* out) {
  size_t got;
  do {
    size_t old = out->size();
    out->resize(old + (1 << 20));
    Status s = Read(out->data() + old, 1 << 20, &got);
    out->resize(old + got);
    AT1_RETURN_IF_ERROR(s);
  } while (got > 0);
  return Status::OK();
}

Status InputFile::ReadAt(void* buf, size_t n, uint64_t offset) const {
  if (size_ == 0 || offset > size_ || n > size_ - offset)
    return Status::InvalidArgument("cannot read " + std::to_string(n) + " bytes at offset " + std::to_string(offset) +
                                   " of '" + path_ + "'");
  char* p = static_cast<char*>(buf);
  while (n > 0) {
    ssize_t r = ::pread(fd_, p, n, static_cast<off_t>(offset));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return Status::IOError(ErrnoText("cannot read", path_));
    if (r == 0) return Status::IOError("'" + path_ + "' shrank while being read");
    p += r;
    n -= static_cast<size_t>(r);
    offset += static_cast<uint64_t>(r);
  }
  return Status::OK();
}

Status InputFile::Skip(uint64_t n) {
  if (size_ > 0) {
    if (n > size_ - std::min(size_, offset_)) return Status::Corruption("file truncated at offset " + std::to_string(offset_));
    if (::lseek(fd_, static_cast<off_t>(offset_ + n), SEEK_SET) < 0) return Status::IOError(ErrnoText("cannot seek", path_));
    offset_ += n;
    return Status::OK();
  }
  char buf[1 << 16];
  while (n > 0) {
    size_t want = std::min<uint64_t>(n, sizeof buf), got;
    AT1_RETURN_IF_ERROR(Read(buf, want, &got));
    if (got == 0) return Status::Corruption("input truncated at offset " + std::to_string(offset_));
    n -= got;
  }
  return Status::OK();
}

OutputFile::~OutputFile() { Abort(); }

Status OutputFile::Open(const std::string& path) {
  path_ = path;
  if (path == "-") {
    fd_ = 1;
    // Redirected to a regular file, stdout is written like a named output
    // (in place, by several threads). Not when appending: pwrite on an
    // O_APPEND file appends wherever it is aimed.
    struct stat st;
    const int flags = ::fcntl(fd_, F_GETFL);
    const off_t at = ::lseek(fd_, 0, SEEK_CUR);
    if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode) && flags >= 0 && !(flags & O_APPEND) && at >= 0) {
      stdout_file_ = true;
      base_ = static_cast<uint64_t>(at);
      reopen_path_ = "/proc/self/fd/1";
    }
    return Status::OK();
  }
  std::error_code ec;
  const auto type = std::filesystem::status(path, ec).type();
  if (type == std::filesystem::file_type::directory)
    return Status::InvalidArgument("output '" + path + "' is a directory");
  if (type != std::filesystem::file_type::regular && type != std::filesystem::file_type::not_found &&
      type != std::filesystem::file_type::none) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);  // a device or FIFO: written as it is
    if (fd_ < 0) return Status::IOError(ErrnoText("cannot open", path));
    owned_ = true;
    buffer_.reserve(kOutBuffer);
    return Status::OK();
  }
  std::filesystem::path target(path);
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  temp_path_ = (dir / ("." + target.filename().string() + ".at1tmp.XXXXXX")).string();
  fd_ = ::mkstemp(temp_path_.data());
  if (fd_ < 0) {
    temp_path_.clear();
    return Status::IOError(ErrnoText("cannot create output in directory of", path));
  }
  ::fchmod(fd_, 0644);
  owned_ = true;
  reopen_path_ = temp_path_;
  buffer_.reserve(kOutBuffer);
  return Status::OK();
}

Status OutputFile::WriteAll(const char* p, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t w = ::write(fd_, p + done, std::min<size_t>(n - done, kWriteSlice));
    if (w < 0) {
      if (errno == EINTR) continue;
      return Status::IOError(ErrnoText("cannot write", path_));
    }
    done += static_cast<size_t>(w);
  }
  return Status::OK();
}

bool OutputFile::UseDirectIo(double min_rate) {
  if (!Positioned()) return false;
  direct_min_rate_ = min_rate;
  if (direct_fd_ < 0) {
    // A second open file description: O_DIRECT is a property of one, and
    // the partial pages still go through fd_. Fails (EINVAL) where the file
    // system has no direct I/O, such as tmpfs before Linux 6.6.
    direct_fd_ = ::open(reopen_path_.c_str(), O_WRONLY | O_DIRECT | O_CLOEXEC);
    if (direct_fd_ < 0) return false;
  }
  direct_ = true;
  return true;
}

Status OutputFile::PositionedWrite(int fd, const char* p, size_t n, uint64_t offset) const {
  // Direct writes are timed, to tell a slow device (UseDirectIo).
  const bool timed = fd == direct_fd_ && n > 0;
  const size_t total = n;
  const auto start = timed ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point();
  while (n > 0) {
    // Through the page cache in slices (see kWriteSlice); direct writes whole.
    const size_t slice = fd == direct_fd_ ? n : std::min<size_t>(n, kWriteSlice);
    ssize_t w = ::pwrite(fd, p, slice, static_cast<off_t>(offset));
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EINVAL && fd == direct_fd_) {
        direct_ = false;
        fd = fd_;
        continue;
      }
      return Status::IOError(ErrnoText("cannot write", path_));
    }
    p += w;
    n -= static_cast<size_t>(w);
    offset += static_cast<uint64_t>(w);
  }
  if (timed && fd == direct_fd_) {
    const auto took = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start);
    const uint64_t bytes = direct_bytes_ += total;
    const uint64_t nanos = direct_nanos_ += static_cast<uint64_t>(took.count());
    if (bytes >= kDirectProbe && direct_min_rate_ > 0 && static_cast<double>(bytes) * 1e9 < direct_min_rate_ * static_cast<double>(nanos))
      direct_ = false;  // the device is slow: let the page cache absorb the rest
  }
  return Status::OK();
}

Status OutputFile::WriteAt(const void* data, size_t n, uint64_t offset) const {
  const char* p = static_cast<const char*>(data);
  for (uint64_t end = offset + n, seen = end_.load(); seen < end && !end_.compare_exchange_weak(seen, end);) {
  }
  offset += base_;
  if (!direct() || (reinterpret_cast<uintptr_t>(p) - offset) % kDirectAlign != 0)
    return PositionedWrite(fd_, p, n, offset);
  // [head | whole pages | tail]: only the middle can go direct.
  const size_t head = std::min<size_t>(n, (kDirectAlign - offset % kDirectAlign) % kDirectAlign);
  const size_t whole = (n - head) / kDirectAlign * kDirectAlign;
  AT1_RETURN_IF_ERROR(PositionedWrite(fd_, p, head, offset));
  AT1_RETURN_IF_ERROR(PositionedWrite(direct_fd_, p + head, whole, offset + head));
  return PositionedWrite(fd_, p + head + whole, n - head - whole, offset + head + whole);
}

Status OutputFile::Preallocate(uint64_t offset, uint64_t n) const {
  if (n == 0) return Status::OK();
  int rc;
  do {
    rc = ::fallocate(fd_, 0, static_cast<off_t>(base_ + offset), static_cast<off_t>(n));
  } while (rc != 0 && errno == EINTR);
  if (rc == 0 || errno == EOPNOTSUPP || errno == ENOSYS) return Status::OK();
  return Status::IOError(ErrnoText("cannot allocate space for", path_));
}

Status OutputFile::Flush() {
  Status s = WriteAll(buffer_.data(), buffer_.size());
  buffer_.clear();
  return s;
}

Status OutputFile::Write(const void* data, size_t n) {
  if (fd_ < 0) return Status::IOError("output is not open");
  offset_ += n;
  if (buffer_.size() + n > kOutBuffer || n >= kDirectWrite) AT1_RETURN_IF_ERROR(Flush());
  if (n >= kDirectWrite) return WriteAll(static_cast<const char*>(data), n);  // big pieces go straight out
  buffer_.append(static_cast<const char*>(data), n);
  return Status::OK();
}

Status OutputFile::Commit(bool durable) {
  AT1_RETURN_IF_ERROR(Flush());
  if (direct_fd_ >= 0) ::close(direct_fd_);  // (its writes are done: nothing is buffered there)
  direct_fd_ = -1;
  if (stdout_file_) {
    stdout_file_ = false;
    // Whoever writes to this stdout next (the shell, the next command of a
    // group) continues after our bytes, as after sequential writes.
    if (end_ > 0 && ::lseek(fd_, static_cast<off_t>(base_ + end_), SEEK_SET) < 0)
      return Status::IOError(ErrnoText("cannot seek", path_));
  }
  if (!owned_) return Status::OK();
  if (durable && ::fsync(fd_) != 0) return Status::IOError(ErrnoText("cannot sync", path_));
  if (::close(fd_) != 0) {
    fd_ = -1;
    return Status::IOError(ErrnoText("cannot close", path_));
  }
  fd_ = -1;
  if (temp_path_.empty()) return Status::OK();  // a device or FIFO, written as it is
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) return Status::IOError(ErrnoText("cannot rename onto", path_));
  temp_path_.clear();
  return Status::OK();
}

void OutputFile::Abort() {
  if (direct_fd_ >= 0) ::close(direct_fd_);
  direct_fd_ = -1;
  if (stdout_file_) {  // written out of order: leave no part of it
    stdout_file_ = false;
    buffer_.clear();
    if (::ftruncate(fd_, static_cast<off_t>(base_)) == 0) ::lseek(fd_, static_cast<off_t>(base_), SEEK_SET);
  }
  if (owned_ && fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  temp_path_.clear();
}

}  // namespace at1::io
