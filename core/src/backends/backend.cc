#include "backends/backend.h"

#include <algorithm>
#include <cstring>

namespace at1::backends {

Status Compress(const BackendSettings& settings, const uint8_t* in, size_t n, std::string* out,
                uint8_t* param, GiveUp* give_up) {
  *param = 0;
  switch (settings.id) {
    case BackendId::kStored:
      out->append(reinterpret_cast<const char*>(in), n);
      return Status::OK();
    case BackendId::kXz:
      return XzCompress(settings.level, settings.extreme, in, n, out, param, give_up);
    case BackendId::kZstd:
      return ZstdCompress(settings.level, in, n, out, give_up);
  }
  return Status::NotSupported("unknown backend id " + std::to_string(int(settings.id)));
}

Status Decompress(BackendId id, uint8_t param, const uint8_t* in, size_t n, uint8_t* out,
                  size_t raw_size) {
  switch (id) {
    case BackendId::kStored:
      if (n != raw_size) return Status::Corruption("stored stream size differs from its raw size");
      if (n) std::memcpy(out, in, n);
      return Status::OK();
    case BackendId::kXz:
      return XzDecompress(param, in, n, out, raw_size);
    case BackendId::kZstd:
      if (param != 0) return Status::Corruption("zstd stream with non-zero backend parameter");
      return ZstdDecompress(in, n, out, raw_size);
  }
  return Status::NotSupported("unknown backend id " + std::to_string(int(id)));
}

Status DecompressPieces(BackendId id, uint8_t param, const uint8_t* in, size_t n, size_t raw_size,
                        PieceSink* out) {
  switch (id) {
    case BackendId::kStored: {
      if (n != raw_size) return Status::Corruption("stored stream size differs from its raw size");
      for (size_t done = 0; done < n;) {
        size_t room = 0;
        uint8_t* at = out->Space(&room);
        if (!at) return Status::Corruption("stored stream refused by its reader");
        size_t k = std::min(room, n - done);
        std::memcpy(at, in + done, k);
        out->Filled(k);
        done += k;
      }
      return Status::OK();
    }
    case BackendId::kXz:
      return XzDecompressPieces(param, in, n, raw_size, out);
    case BackendId::kZstd:
      if (param != 0) return Status::Corruption("zstd stream with non-zero backend parameter");
      return ZstdDecompressPieces(in, n, raw_size, out);
  }
  return Status::NotSupported("unknown backend id " + std::to_string(int(id)));
}

namespace {

// Compares each piece with the expected bytes as it is produced.
class ComparingSink : public PieceSink {
 public:
  ComparingSink(const uint8_t* expected, size_t size) : expected_(expected), size_(size) {}
  uint8_t* Space(size_t* room) override {
    if (differs_) return nullptr;
    *room = sizeof buf_;
    return buf_;
  }
  void Filled(size_t n) override {
    if (n > size_ - seen_ || std::memcmp(buf_, expected_ + seen_, n) != 0) differs_ = true;
    else seen_ += n;
  }
  bool differs() const { return differs_; }

 private:
  const uint8_t* expected_;
  size_t size_, seen_ = 0;
  bool differs_ = false;
  uint8_t buf_[1 << 16];
};

}  // namespace

Status VerifyDecompress(BackendId id, uint8_t param, const uint8_t* in, size_t n, const uint8_t* expected,
                        size_t expected_size) {
  ComparingSink sink(expected, expected_size);
  Status s = DecompressPieces(id, param, in, n, expected_size, &sink);
  if (sink.differs()) return Status::Corruption("decompressed bytes differ");
  return s;
}

Status CompressBest(const BackendSettings& settings, const uint8_t* in, size_t n, std::string* out,
                    BackendId* used, uint8_t* param, GiveUp* give_up) {
  size_t start = out->size();
  *used = settings.id;
  if (settings.id != BackendId::kStored && n > 0) {
    AT1_RETURN_IF_ERROR(Compress(settings, in, n, out, param, give_up));
    if (give_up && give_up->gave_up) return Status::OK();
    if (out->size() - start < n) return Status::OK();
    out->resize(start);
  }
  *used = BackendId::kStored;
  *param = 0;
  out->append(reinterpret_cast<const char*>(in), n);
  return Status::OK();
}

}  // namespace at1::backends
