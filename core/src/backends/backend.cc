#include "backends/backend.h"

#include <cstring>

namespace at1::backends {

Status Compress(const BackendSettings& settings, const uint8_t* in, size_t n, std::string* out,
                uint8_t* param) {
  *param = 0;
  switch (settings.id) {
    case BackendId::kStored:
      out->append(reinterpret_cast<const char*>(in), n);
      return Status::OK();
    case BackendId::kXz:
      return XzCompress(settings.level, settings.extreme, in, n, out, param);
    case BackendId::kZstd:
      return ZstdCompress(settings.level, in, n, out);
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

Status VerifyDecompress(BackendId id, uint8_t param, const uint8_t* in, size_t n, const uint8_t* expected,
                        size_t expected_size) {
  switch (id) {
    case BackendId::kStored:
      if (n != expected_size || (n && std::memcmp(in, expected, n) != 0))
        return Status::Corruption("stored stream differs");
      return Status::OK();
    case BackendId::kXz:
      return XzVerify(param, in, n, expected, expected_size);
    case BackendId::kZstd:
      return ZstdVerify(in, n, expected, expected_size);
  }
  return Status::NotSupported("unknown backend id " + std::to_string(int(id)));
}

Status CompressBest(const BackendSettings& settings, const uint8_t* in, size_t n, std::string* out,
                    BackendId* used, uint8_t* param) {
  size_t start = out->size();
  *used = settings.id;
  if (settings.id != BackendId::kStored && n > 0) {
    AT1_RETURN_IF_ERROR(Compress(settings, in, n, out, param));
    if (out->size() - start < n) return Status::OK();
    out->resize(start);
  }
  *used = BackendId::kStored;
  *param = 0;
  out->append(reinterpret_cast<const char*>(in), n);
  return Status::OK();
}

}  // namespace at1::backends
