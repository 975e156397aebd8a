// The file header of the .at1 container (docs/format.md, "Header").
#ifndef AT1_FORMAT_HEADER_H
#define AT1_FORMAT_HEADER_H

#include <cstdint>
#include <string>

#include "at1/options.h"
#include "at1/result.h"

namespace at1::format {

struct FileHeader {
  uint16_t format_major = 1;
  uint16_t format_minor = 1;
  bool streamed = false;
  BackendId backend = BackendId::kXz;
  uint8_t level = 0;
  uint32_t codec_format_version = 0;
  uint32_t chunk_lines = 0;
  std::string codec_name;
};

std::string EncodeFileHeader(const FileHeader& h);

// Bytes needed to know the header's full size.
inline constexpr size_t kHeaderPeekSize = 16;
// Full header size from its first kHeaderPeekSize bytes (checks magic/version).
Result<uint32_t> PeekFileHeaderSize(const uint8_t* p, size_t n);
Status DecodeFileHeader(const uint8_t* p, size_t n, FileHeader* h);

}  // namespace at1::format

#endif  // AT1_FORMAT_HEADER_H
