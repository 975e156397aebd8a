// Files as at1 uses them: inputs read in large blocks (a path or "-" for
// stdin), outputs written to a temporary file beside the target and renamed
// into place only on success, so a failed run never leaves a file that looks
// valid ("-" writes to stdout directly, and so does a target that is not a
// regular file, such as /dev/null or a FIFO: renaming onto it would
// replace it).
#ifndef AT1_IO_FILE_H
#define AT1_IO_FILE_H

#include <atomic>
#include <cstdint>
#include <string>

#include "at1/result.h"

namespace at1::io {

// Direct I/O (O_DIRECT) moves bytes between our memory and the device
// without the page cache, if file offsets, sizes and buffer addresses are
// all multiples of this (4 KiB covers 512-byte and 4 KiB sectors alike).
inline constexpr size_t kDirectAlign = 4096;

class InputFile {
 public:
  InputFile() = default;
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  Status Open(const std::string& path);
  // Reads up to n bytes; *got == 0 means end of input.
  Status Read(void* buf, size_t n, size_t* got);
  // Reads exactly n bytes or fails (Corruption "truncated" at end of input).
  Status ReadExact(void* buf, size_t n, const char* what);
  // Reads everything left.
  Status ReadAll(std::string* out);
  // Seeks forward (regular files) or reads and discards (pipes).
  Status Skip(uint64_t n);
  // Reads exactly n bytes at `offset` of a regular file, leaving offset()
  // alone (to peek at a trailer before reading front to back).
  Status ReadAt(void* buf, size_t n, uint64_t offset) const;
  uint64_t offset() const { return offset_; }
  // Size when it is a regular file, else 0.
  uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  bool owned_ = false;
  uint64_t offset_ = 0;
  uint64_t size_ = 0;
  std::string path_;
};

class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();  // discards the temporary file unless Commit succeeded
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Opens "-" (stdout) or a temporary file in the target's directory.
  Status Open(const std::string& path);
  Status Write(const void* data, size_t n);
  // Positioned writes, so several threads can each write their own part
  // (decompress's workers write their frames): into the temporary file, or
  // into stdout when it is a regular file (a shell redirect, not `>>`),
  // from where its offset was; not into a pipe or a device, which take
  // bytes in order. A failed run (Abort) cuts such a stdout back to where
  // it started; Commit moves its offset past what was written.
  bool Positioned() const { return !reopen_path_.empty(); }
  // Where offset 0 of WriteAt is in the file (stdout's offset at Open).
  uint64_t base() const { return base_; }
  // Writes data at `offset` (past the end if need be; the gap reads as
  // zeros until written). Not mixed with Write. [thread-safe]
  Status WriteAt(const void* data, size_t n, uint64_t offset) const;
  // Makes WriteAt send whole pages (kDirectAlign-aligned in the file and
  // in memory) straight to the device, bypassing the page cache, if the
  // file system allows direct I/O (O_DIRECT); false if it does not. The
  // bytes of a write around them, in pages it covers only in part, still
  // go through the page cache, so any write is accepted. A direct write
  // the file system refuses (EINVAL: it wants more alignment) turns direct
  // I/O off and is written through the page cache instead.
  //
  // Direct writes wait for the device; through the page cache they finish
  // at memory speed and the device catches up later. So once kDirectProbe
  // bytes went direct, a device slower than `min_rate` bytes a second (a
  // spinning disk, a network file system) turns direct I/O off for the
  // rest of the file. 0 never turns it off.
  static constexpr uint64_t kDirectProbe = uint64_t(32) << 20;
  bool UseDirectIo(double min_rate);
  bool direct() const { return direct_.load(std::memory_order_relaxed); }
  // Bytes that went to the device directly so far.
  uint64_t direct_bytes() const { return direct_bytes_.load(std::memory_order_relaxed); }
  // Reserves disk space for [offset, offset + n) before WriteAt fills it:
  // a full disk then shows before any work is spent on the part, and ext4
  // skips its per-page delayed-allocation bookkeeping on the writes (~7%
  // less CPU in a 200 MB decompress). A file system that cannot
  // preallocate is simply written to.
  Status Preallocate(uint64_t offset, uint64_t n) const;
  // Flushes and renames the temporary file onto the target; with `durable`
  // it is fsynced first (archives are; decompressed output, like xz's and
  // zstd's, is not, since it can be made again from the archive).
  Status Commit(bool durable = true);
  // Removes the temporary file (also done by the destructor).
  void Abort();
  uint64_t offset() const { return offset_; }

 private:
  Status Flush();
  Status WriteAll(const char* p, size_t n);
  Status PositionedWrite(int fd, const char* p, size_t n, uint64_t offset) const;
  int fd_ = -1;
  bool stdout_file_ = false;  // positioned into stdout, not yet committed
  uint64_t base_ = 0;
  std::string reopen_path_;   // a positioned file by a name open() takes; empty if not positioned
  mutable std::atomic<uint64_t> end_{0};  // past the last byte WriteAt wrote
  int direct_fd_ = -1;  // the positioned file opened again, with O_DIRECT
  mutable std::atomic<bool> direct_{false};
  double direct_min_rate_ = 0;                       // bytes a second
  mutable std::atomic<uint64_t> direct_bytes_{0};   // written direct so far,
  mutable std::atomic<uint64_t> direct_nanos_{0};   // and the time it took
  bool owned_ = false;
  uint64_t offset_ = 0;
  std::string path_, temp_path_;
  std::string buffer_;
};

}  // namespace at1::io

#endif  // AT1_IO_FILE_H
