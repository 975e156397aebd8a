#include "container/writer.h"

#include "format/frame.h"

namespace at1::container {

Status ContainerWriter::WriteHeader(const format::FileHeader& h) {
  std::string bytes = format::EncodeFileHeader(h);
  return out_->Write(bytes.data(), bytes.size());
}

Status ContainerWriter::WriteFrame(const stream::EncodedFrame& f) {
  format::IndexEntry e;
  e.offset = out_->offset();
  e.line_count = f.header.line_count;
  e.raw_size = f.header.raw_size;
  e.method = f.header.method;
  e.time = FindTimeRange(f.header.stats);
  index_.push_back(e);
  std::string header = format::EncodeFrameHeader(f.header);
  AT1_RETURN_IF_ERROR(out_->Write(header.data(), header.size()));
  return out_->Write(f.payload.data(), f.payload.size());
}

Status ContainerWriter::Finish(const std::array<uint8_t, 32>& sha256, uint64_t total_bytes, uint64_t total_lines) {
  format::Trailer t;
  t.sha256 = sha256;
  t.total_raw_bytes = total_bytes;
  t.total_lines = total_lines;
  t.frame_count = index_.size();
  t.index_offset = out_->offset();
  std::string index = format::EncodeIndex(index_);
  AT1_RETURN_IF_ERROR(out_->Write(index.data(), index.size()));
  std::string trailer = format::EncodeTrailer(t);
  return out_->Write(trailer.data(), trailer.size());
}

}  // namespace at1::container
