#include "format/header.h"

#include <algorithm>
#include <cstring>

#include "crypto/checksums.h"
#include "format/coding.h"
#include "format/format_constants.h"

namespace at1::format {

std::string EncodeFileHeader(const FileHeader& h) {
  std::string out(reinterpret_cast<const char*>(kFileMagic), 8);
  PutU16(&out, h.format_major);
  PutU16(&out, h.format_minor);
  PutU32(&out, static_cast<uint32_t>(kHeaderFixedSize + h.codec_name.size() + 4));
  PutU32(&out, h.streamed ? kHeaderFlagStreamed : 0);
  PutU8(&out, static_cast<uint8_t>(h.backend));
  PutU8(&out, h.level);
  PutU16(&out, 0);
  PutU32(&out, h.codec_format_version);
  PutU32(&out, h.chunk_lines);
  PutU8(&out, static_cast<uint8_t>(h.codec_name.size()));
  out += h.codec_name;
  PutU32(&out, crypto::Crc32c(out.data(), out.size()));
  return out;
}

Result<uint32_t> PeekFileHeaderSize(const uint8_t* p, size_t n) {
  if (std::memcmp(p, kFileMagic, std::min<size_t>(n, 8)) != 0)
    return Status::Corruption("not an .at1 archive (bad magic)");
  if (n < kHeaderPeekSize) return Status::Corruption("file too short to be an .at1 archive");
  uint16_t major = LoadU16(p + 8);
  if (major != kFormatMajor)
    return Status::NotSupported("archive format " + std::to_string(major) + ".x; this at1 reads " +
                                std::to_string(kFormatMajor) + ".x");
  uint32_t size = LoadU32(p + 12);
  if (size < kHeaderFixedSize + 1 + 4 || size > kHeaderFixedSize + kMaxCodecName + 4)
    return Status::Corruption("file header size out of range");
  return size;
}

Status DecodeFileHeader(const uint8_t* p, size_t n, FileHeader* h) {
  Result<uint32_t> size = PeekFileHeaderSize(p, n);
  if (!size.ok()) return size.status();
  if (n < *size) return Status::Corruption("file header truncated");
  if (crypto::Crc32c(p, *size - 4) != LoadU32(p + *size - 4))
    return Status::ChecksumMismatch("file header checksum mismatch");
  h->format_major = LoadU16(p + 8);
  h->format_minor = LoadU16(p + 10);
  uint32_t flags = LoadU32(p + 16);
  if (flags & ~kHeaderFlagsKnown) return Status::NotSupported("file header has unknown flags set");
  h->streamed = flags & kHeaderFlagStreamed;
  if (p[20] > static_cast<uint8_t>(BackendId::kZstd)) return Status::NotSupported("unknown backend in header");
  h->backend = static_cast<BackendId>(p[20]);
  h->level = p[21];
  if (LoadU16(p + 22) != 0) return Status::Corruption("file header reserved bytes set");
  h->codec_format_version = LoadU32(p + 24);
  h->chunk_lines = LoadU32(p + 28);
  size_t name_len = p[32];
  if (name_len == 0 || kHeaderFixedSize + name_len + 4 != *size)
    return Status::Corruption("file header codec name length inconsistent");
  h->codec_name.assign(reinterpret_cast<const char*>(p + 33), name_len);
  for (char c : h->codec_name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return Status::Corruption("file header codec name has bad characters");
  }
  return Status::OK();
}

}  // namespace at1::format
