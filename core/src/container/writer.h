// Writes an .at1 file: header, frames in sequence, then index and trailer.
#ifndef AT1_CONTAINER_WRITER_H
#define AT1_CONTAINER_WRITER_H

#include <array>
#include <string>
#include <vector>

#include "at1/result.h"
#include "format/footer.h"
#include "format/header.h"
#include "io/file.h"
#include "stream/frame_codec.h"

namespace at1::container {

class ContainerWriter {
 public:
  explicit ContainerWriter(io::OutputFile* out) : out_(out) {}
  Status WriteHeader(const format::FileHeader& h);
  Status WriteFrame(const stream::EncodedFrame& f);
  // Writes the index and trailer; the caller then commits the file.
  Status Finish(const std::array<uint8_t, 32>& sha256, uint64_t total_bytes, uint64_t total_lines);

 private:
  io::OutputFile* out_;
  std::vector<format::IndexEntry> index_;
};

}  // namespace at1::container

#endif  // AT1_CONTAINER_WRITER_H
