#include "container/reader.h"

#include <cstring>

#include "format/coding.h"
#include "format/format_constants.h"

namespace at1::container {

Status ContainerReader::ReadHeader(format::FileHeader* h) {
  uint8_t buf[format::kHeaderFixedSize + format::kMaxCodecName + 4];
  size_t got = 0;
  AT1_RETURN_IF_ERROR(in_->Read(buf, format::kHeaderPeekSize, &got));
  if (got == 0) return Status::Corruption("empty file, not an .at1 archive");
  Result<uint32_t> size = format::PeekFileHeaderSize(buf, got);
  if (!size.ok()) return size.status();
  AT1_RETURN_IF_ERROR(in_->ReadExact(buf + format::kHeaderPeekSize, *size - format::kHeaderPeekSize, "file header"));
  return format::DecodeFileHeader(buf, *size, h);
}

Status ContainerReader::NextFrame(bool* got, format::FrameHeader* h, std::string* payload, bool skip_payload) {
  *got = false;
  if (at_index_) return Status::OK();
  frame_offset_ = in_->offset();
  const std::string where = "frame " + std::to_string(seen_.size()) + " at offset " + std::to_string(frame_offset_);
  size_t n = 0;
  AT1_RETURN_IF_ERROR(in_->Read(magic_, 4, &n));
  if (n < 4)
    return Status::Corruption("archive truncated after " + std::to_string(seen_.size()) +
                              " frames at offset " + std::to_string(frame_offset_) + " (no index or trailer)");
  if (std::memcmp(magic_, format::kIndexMagic, 4) == 0) {
    at_index_ = true;
    return Status::OK();
  }
  if (std::memcmp(magic_, format::kFrameSync, 4) != 0)
    return Status::Corruption(where + ": expected a frame or the index, found other bytes");

  std::string header(8, '\0');
  std::memcpy(header.data(), magic_, 4);
  AT1_RETURN_IF_ERROR(in_->ReadExact(header.data() + 4, 4, "frame header").With(where));
  Result<uint32_t> size = format::PeekFrameHeaderSize(reinterpret_cast<const uint8_t*>(header.data()), 8);
  if (!size.ok()) return size.status().With(where);
  header.resize(*size);
  AT1_RETURN_IF_ERROR(in_->ReadExact(header.data() + 8, *size - 8, "frame header").With(where));
  AT1_RETURN_IF_ERROR(
      format::DecodeFrameHeader(reinterpret_cast<const uint8_t*>(header.data()), header.size(), limits_, h).With(where));
  if (h->sequence != seen_.size()) return Status::Corruption(where + ": frame out of sequence");
  if (h->first_line != lines_seen_) return Status::Corruption(where + ": first line does not follow the previous frame");
  // Stored streams are as large as their raw bytes; compressed ones smaller
  // plus a little framing. Anything above this is not a frame we wrote.
  if (h->payload_size > format::MaxStreamBytes(h->raw_size) + 1024 * h->streams.size())
    return Status::Corruption(where + ": payload larger than its frame can need");
  if (in_->size() && h->payload_size > in_->size() - in_->offset())
    return Status::Corruption(where + ": payload runs past the end of the file (truncated?)");

  if (skip_payload) {
    payload->clear();
    AT1_RETURN_IF_ERROR(in_->Skip(h->payload_size).With(where));
  } else {
    payload->resize(h->payload_size);
    AT1_RETURN_IF_ERROR(in_->ReadExact(payload->data(), h->payload_size, "frame payload").With(where));
  }
  format::IndexEntry e;
  e.offset = frame_offset_;
  e.line_count = h->line_count;
  e.raw_size = h->raw_size;
  e.method = h->method;
  e.time = FindTimeRange(h->stats);
  seen_.push_back(e);
  lines_seen_ += h->line_count;
  bytes_seen_ += h->raw_size;
  *got = true;
  return Status::OK();
}

Status ContainerReader::ReadFooter(format::Trailer* t) {
  if (!at_index_) return Status::InvalidArgument("ReadFooter before the last frame");
  const uint64_t index_offset = frame_offset_;
  std::string rest(reinterpret_cast<const char*>(magic_), 4);
  AT1_RETURN_IF_ERROR(in_->ReadAll(&rest));
  if (rest.size() < format::kTrailerSize + 9) return Status::Corruption("index or trailer truncated");
  const auto* p = reinterpret_cast<const uint8_t*>(rest.data());
  const size_t index_size = rest.size() - format::kTrailerSize;
  AT1_RETURN_IF_ERROR(format::DecodeTrailer(p + index_size, format::kTrailerSize, t));
  std::vector<format::IndexEntry> index;
  AT1_RETURN_IF_ERROR(format::DecodeIndex(p, index_size, &index).With("index at offset " + std::to_string(index_offset)));
  if (t->index_offset != index_offset) return Status::Corruption("trailer points to the wrong index offset");
  if (t->frame_count != seen_.size() || index.size() != seen_.size())
    return Status::Corruption("index and trailer disagree with the frames in the file");
  for (size_t i = 0; i < index.size(); ++i) {
    const auto& a = index[i];
    const auto& b = seen_[i];
    if (a.offset != b.offset || a.line_count != b.line_count || a.raw_size != b.raw_size || a.method != b.method)
      return Status::Corruption("index entry " + std::to_string(i) + " disagrees with its frame");
  }
  if (t->total_lines != lines_seen_ || t->total_raw_bytes != bytes_seen_)
    return Status::Corruption("trailer totals disagree with the frames");
  return Status::OK();
}

}  // namespace at1::container
