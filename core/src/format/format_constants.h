// Constants of the .at1 container, mirroring docs/format.md. Change both together.
#ifndef AT1_FORMAT_FORMAT_CONSTANTS_H
#define AT1_FORMAT_FORMAT_CONSTANTS_H

#include <cstddef>
#include <cstdint>

namespace at1::format {

inline constexpr uint8_t kFileMagic[8] = {0x89, 'A', 'T', '1', '\r', '\n', 0x1a, '\n'};
inline constexpr uint16_t kFormatMajor = 1;
inline constexpr uint16_t kFormatMinor = 1;
inline constexpr uint32_t kHeaderFlagStreamed = 1u << 0;
inline constexpr uint32_t kHeaderFlagsKnown = kHeaderFlagStreamed;
inline constexpr size_t kHeaderFixedSize = 33;  // up to codec_name
inline constexpr size_t kMaxCodecName = 31;

inline constexpr uint8_t kFrameSync[4] = {0xF5, 'F', 'R', 'M'};
inline constexpr uint32_t kMaxFrameHeader = 1u << 20;
inline constexpr uint8_t kMethodRaw = 0;
inline constexpr uint8_t kMethodStructured = 1;
inline constexpr size_t kMaxStats = 256;
inline constexpr size_t kMaxCodecStats = kMaxStats - 1;  // room for the SHA-256 chain value
inline constexpr uint8_t kStatKindShaChain = 4;
inline constexpr const char* kShaChainStatName = "sha256";
inline constexpr size_t kMaxStatValue = 255;
inline constexpr size_t kMaxStreams = 4096;
inline constexpr size_t kMaxName = 63;
inline constexpr const char* kRawStreamName = "raw";

inline constexpr uint8_t kIndexMagic[4] = {0xF5, 'I', 'D', 'X'};

inline constexpr size_t kTrailerSize = 80;
inline constexpr uint8_t kEndMagic[8] = {'A', 'T', '1', 'E', 'N', 'D', '\r', '\n'};

// Streams of a frame may decode to at most this many bytes in all (bomb guard).
inline constexpr uint64_t MaxStreamBytes(uint64_t frame_raw_size) {
  return 4 * frame_raw_size + (1u << 20);
}

}  // namespace at1::format

#endif  // AT1_FORMAT_FORMAT_CONSTANTS_H
