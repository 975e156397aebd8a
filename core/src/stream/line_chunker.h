// Cuts an input into chunks of whole lines: at most max_lines lines, and a
// chunk ends at the first line end at or past max_bytes (a single longer
// line still makes one chunk). Reads in blocks, so memory is one chunk plus
// one block whatever the input size.
#ifndef AT1_STREAM_LINE_CHUNKER_H
#define AT1_STREAM_LINE_CHUNKER_H

#include <cstdint>
#include <string>

#include "at1/result.h"
#include "io/file.h"
#include "util/byte_buffer.h"

namespace at1::stream {

class LineChunker {
 public:
  LineChunker(io::InputFile* in, uint64_t max_lines, uint64_t max_bytes)
      : in_(in), max_lines_(max_lines ? max_lines : UINT64_MAX), max_bytes_(max_bytes ? max_bytes : UINT64_MAX) {}

  // Fills *chunk (replacing its contents) and *lines. Returns OK with an empty
  // chunk at end of input.
  Status Next(ByteBuffer* chunk, uint64_t* lines);

 private:
  io::InputFile* in_;
  uint64_t max_lines_, max_bytes_;
  std::string carry_;  // bytes read past the previous chunk's end
  bool eof_ = false;
};

}  // namespace at1::stream

#endif  // AT1_STREAM_LINE_CHUNKER_H
