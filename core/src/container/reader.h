// Reads an .at1 file front to back: header, frames (checked and numbered),
// then index and trailer, cross-checked against the frames actually seen.
// Works on pipes as well as files: it never seeks backwards.
#ifndef AT1_CONTAINER_READER_H
#define AT1_CONTAINER_READER_H

#include <string>
#include <vector>

#include "at1/options.h"
#include "at1/result.h"
#include "format/footer.h"
#include "format/frame.h"
#include "format/header.h"
#include "io/file.h"

namespace at1::container {

class ContainerReader {
 public:
  ContainerReader(io::InputFile* in, const Limits& limits) : in_(in), limits_(limits) {}

  Status ReadHeader(format::FileHeader* h);

  // Reads the next frame. *got is false once the index is reached. With
  // skip_payload the payload is skipped (for listings) and *payload is empty.
  // Errors name the frame and its file offset.
  Status NextFrame(bool* got, format::FrameHeader* h, std::string* payload, bool skip_payload = false);

  // After the last frame: reads the index and trailer and checks them against
  // the frames seen.
  Status ReadFooter(format::Trailer* trailer);

  uint64_t frame_offset() const { return frame_offset_; }

 private:
  io::InputFile* in_;
  Limits limits_;
  std::vector<format::IndexEntry> seen_;
  uint64_t lines_seen_ = 0, bytes_seen_ = 0;
  uint64_t frame_offset_ = 0;  // offset of the frame (or index) last looked at
  bool at_index_ = false;
  uint8_t magic_[4] = {0, 0, 0, 0};
};

}  // namespace at1::container

#endif  // AT1_CONTAINER_READER_H
