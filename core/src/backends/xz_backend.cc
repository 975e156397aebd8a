// xz backend: raw LZMA2 (no .xz container and no check: the container has
// its own CRCs), so a small stream costs only its compressed bytes.
#include <lzma.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "backends/backend.h"
#include "util/byte_buffer.h"

namespace at1::backends {
namespace {

const char* LzmaError(lzma_ret r) {
  switch (r) {
    case LZMA_MEM_ERROR: return "out of memory";
    case LZMA_MEMLIMIT_ERROR: return "memory limit reached";
    case LZMA_OPTIONS_ERROR: return "unsupported options";
    case LZMA_DATA_ERROR: return "data is corrupt";
    case LZMA_BUF_ERROR: return "data is truncated or output does not fit";
    case LZMA_FORMAT_ERROR: return "format not recognised";
    default: return "internal error";
  }
}

}  // namespace

Status XzCompress(int level, bool extreme, const uint8_t* in, size_t n, std::string* out,
                  uint8_t* param, GiveUp* give_up) {
  lzma_options_lzma opt;
  uint32_t preset = static_cast<uint32_t>(std::clamp(level, 0, 9)) | (extreme ? LZMA_PRESET_EXTREME : 0);
  if (lzma_lzma_preset(&opt, preset)) return Status::InvalidArgument("xz: bad preset");
  // A dictionary larger than the input buys nothing and costs memory on both sides.
  opt.dict_size = static_cast<uint32_t>(std::clamp<size_t>(n, LZMA_DICT_SIZE_MIN, opt.dict_size));
  lzma_filter filters[] = {{LZMA_FILTER_LZMA2, &opt}, {LZMA_VLI_UNKNOWN, nullptr}};

  uint8_t props = 0;
  uint32_t props_size = 0;
  if (lzma_properties_size(&props_size, filters) != LZMA_OK || props_size != 1 ||
      lzma_properties_encode(filters, &props) != LZMA_OK)
    return Status::InvalidArgument("xz: cannot encode LZMA2 properties");
  *param = props;

  size_t bound = n + n / 16 + 1024;  // LZMA2 falls back to uncompressed chunks: small overhead
  thread_local ByteBuffer scratch;  // uninitialised and reused: see zstd_backend.cc
  scratch.clear();
  scratch.reserve(bound);
  size_t pos = 0;
  if (!give_up) {
    lzma_ret r = lzma_raw_buffer_encode(filters, nullptr, in, n, scratch.data(), &pos, bound);
    if (r != LZMA_OK) return Status::IOError(std::string("xz compress: ") + LzmaError(r));
  } else {
    // The same stream, fed in pieces so the output can be checked as it grows.
    lzma_stream strm = LZMA_STREAM_INIT;
    lzma_ret r = lzma_raw_encoder(&strm, filters);
    if (r != LZMA_OK) return Status::IOError(std::string("xz compress: ") + LzmaError(r));
    strm.next_out = scratch.data();
    strm.avail_out = bound;
    for (size_t done = 0;;) {
      const size_t piece = std::min(kGiveUpPiece, n - done);
      const bool last = done + piece == n;
      strm.next_in = in + done;
      strm.avail_in = piece;
      do r = lzma_code(&strm, last ? LZMA_FINISH : LZMA_RUN);
      while (r == LZMA_OK && (last || strm.avail_in > 0));
      done += piece;
      if (r != LZMA_OK || last || give_up->Reached(strm.total_out)) break;
    }
    pos = strm.total_out;
    lzma_end(&strm);
    if (r == LZMA_OK) {  // stopped before the end
      give_up->gave_up = true;
      return Status::OK();
    }
    if (r != LZMA_STREAM_END) return Status::IOError(std::string("xz compress: ") + LzmaError(r));
  }
  out->append(reinterpret_cast<const char*>(scratch.data()), pos);
  return Status::OK();
}

namespace {

// The LZMA2 filter a stream's parameter byte describes. Our encoder caps the
// dictionary at the stream size; a bigger one is a hostile file asking for a
// huge allocation. On success the caller frees filter->options.
Status DecodeFilter(uint8_t param, size_t raw_size, lzma_filter* filter) {
  *filter = {LZMA_FILTER_LZMA2, nullptr};
  if (lzma_properties_decode(filter, nullptr, &param, 1) != LZMA_OK)
    return Status::Corruption("xz: bad LZMA2 dictionary property");
  auto* opt = static_cast<lzma_options_lzma*>(filter->options);
  if (opt->dict_size > std::max<uint64_t>(2 * uint64_t(raw_size), LZMA_DICT_SIZE_MIN) + 4096) {
    free(opt);
    return Status::Corruption("xz: dictionary larger than the stream");
  }
  return Status::OK();
}

}  // namespace

Status XzDecompress(uint8_t param, const uint8_t* in, size_t n, uint8_t* out, size_t raw_size) {
  lzma_filter filter;
  AT1_RETURN_IF_ERROR(DecodeFilter(param, raw_size, &filter));
  lzma_filter filters[] = {filter, {LZMA_VLI_UNKNOWN, nullptr}};
  size_t in_pos = 0, out_pos = 0;
  lzma_ret r = lzma_raw_buffer_decode(filters, nullptr, in, &in_pos, n, out, &out_pos, raw_size);
  free(filter.options);
  if (r != LZMA_OK && r != LZMA_STREAM_END) return Status::Corruption(std::string("xz: ") + LzmaError(r));
  if (out_pos != raw_size || in_pos != n)
    return Status::Corruption("xz: stream does not decode to its recorded size");
  return Status::OK();
}

Status XzDecompressPieces(uint8_t param, const uint8_t* in, size_t n, size_t raw_size, PieceSink* out) {
  lzma_filter filter;
  AT1_RETURN_IF_ERROR(DecodeFilter(param, raw_size, &filter));
  lzma_filter filters[] = {filter, {LZMA_VLI_UNKNOWN, nullptr}};
  lzma_stream strm = LZMA_STREAM_INIT;
  lzma_ret r = lzma_raw_decoder(&strm, filters);
  free(filter.options);
  if (r != LZMA_OK) return Status::IOError(std::string("xz decoder: ") + LzmaError(r));
  strm.next_in = in;
  strm.avail_in = n;
  size_t seen = 0;
  Status result = Status::OK();
  for (;;) {
    size_t room = 0;
    uint8_t* at = out->Space(&room);
    if (!at) {
      result = Status::Corruption("xz: output refused by its reader");
      break;
    }
    // Never ask for more than the recorded size, so a stream that runs
    // longer is caught here rather than written.
    room = std::min(room, raw_size - seen + 1);
    strm.next_out = at;
    strm.avail_out = room;
    r = lzma_code(&strm, LZMA_FINISH);
    size_t got = room - strm.avail_out;
    if (got > raw_size - seen) {
      result = Status::Corruption("xz: stream decodes to more than its recorded size");
      break;
    }
    if (got) out->Filled(got);
    seen += got;
    if (r == LZMA_STREAM_END) break;
    if (r != LZMA_OK) {
      result = Status::Corruption(std::string("xz: ") + LzmaError(r));
      break;
    }
    if (got == 0 && strm.avail_in == 0) {
      // Raw LZMA2 may end without its end marker once the input is used up.
      if (seen == raw_size) break;
      result = Status::Corruption("xz: stream truncated");
      break;
    }
  }
  lzma_end(&strm);
  if (result.ok() && (seen != raw_size || strm.avail_in != 0))
    result = Status::Corruption("xz: stream does not decode to its recorded size");
  return result;
}

}  // namespace at1::backends
