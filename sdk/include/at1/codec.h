/*
 * at1/codec.h — the codec interface of the at1 plugin ABI.
 *
 * Part of the at1 plugin SDK (C ABI). Compiles as C11 and C++17/20.
 * Full contract, with examples: docs/plugin-abi.md.
 *
 * A codec turns one FRAME (a chunk of whole lines, at most a few hundred MB)
 * into a set of named byte STREAMS, and back. The host compresses each stream
 * with the chosen backend (xz, zstd or stored), checks every frame by decoding
 * it back before writing it, and keeps the raw-compressed chunk instead when
 * that is smaller or when the codec fails. A codec therefore never has to be
 * "safe" about ratio, only exact: decode(encode(x)) == x, byte for byte.
 *
 * Threading: [thread-safe] every function pointer in at1_codec may be called
 * concurrently from several threads for different frames. A codec keeps no
 * mutable global state; each call works only on its arguments.
 *
 * Memory: nothing allocated on one side is freed on the other. Data crosses
 * only through host callbacks: put_stream / write COPY their input before
 * returning; get_stream returns host-owned bytes valid until decode returns;
 * reserve (1.1) lends host memory until the matching commit.
 *
 * Errors: functions return at1_status (at1/status.h). A codec may call the
 * host's set_error once with a short human-readable reason; the host copies it.
 * No C++ exception may cross this boundary (the SDK's C++ helpers catch them).
 */
#ifndef AT1_CODEC_H
#define AT1_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "at1/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Capability bits of at1_codec.capabilities.                      since 1.0 */
#define AT1_CAP_PROBE ((uint64_t)1 << 0) /* probe() is set: usable by `compress auto` */
#define AT1_CAP_STATS ((uint64_t)1 << 1) /* encode() reports per-frame statistics */
/* Bits 2..63 are reserved; a codec sets them to zero. */

/* Longest stream or statistic name, excluding the NUL.             since 1.0 */
#define AT1_MAX_NAME 63
/* Most streams one frame may hold.                                  since 1.0 */
#define AT1_MAX_STREAMS 4096

/* What the host tells the codec about the frame at hand.           since 1.0
 * Grows only at the end; check struct_size before reading a newer field. */
typedef struct at1_frame_info {
  uint32_t struct_size;  /* sizeof(at1_frame_info) as the host built it */
  uint32_t reserved;     /* zero */
  uint64_t frame_index;  /* 0 for the first frame of a file; a codec may use
                            it (e.g. only frame 0 of a CSV has a header) but
                            must record in its streams whatever decode needs */
  uint64_t first_line;   /* 0-based number of the frame's first line in the file */
  uint64_t line_count;   /* lines in the frame (the last may lack a newline) */
  uint64_t raw_size;     /* bytes of the frame's original text */
} at1_frame_info;

/* Statistic value kinds for put_stat.                              since 1.0 */
#define AT1_STAT_INT64 1  /* min/max are int64 (8 bytes each, host byte order) */
#define AT1_STAT_FLOAT64 2 /* min/max are IEEE-754 doubles (8 bytes each) */
#define AT1_STAT_BYTES 3  /* min/max are byte strings compared with memcmp */

/* Well-known statistic name: event time of the frame's lines, as INT64
 * milliseconds since 1970-01-01T00:00:00 (UTC when the text says so, else the
 * text's local clock taken as UTC). Used to seek by time.          since 1.0 */
#define AT1_STAT_TIME "time"

/* Services the host offers to encode().                            since 1.0 */
typedef struct at1_encode_host {
  uint32_t struct_size; /* sizeof(at1_encode_host) as the host built it */
  uint32_t reserved;    /* zero */
  void *ctx;            /* pass back as the first argument of each callback */

  /* Adds a stream to the frame. name: 1..AT1_MAX_NAME bytes of [A-Za-z0-9._/-],
   * unique within the frame. The host copies the bytes. Streams come back
   * from get_stream() by name, in any order. Empty streams are allowed. */
  at1_status (*put_stream)(void *ctx, const char *name, const uint8_t *data, size_t size);

  /* Records a per-frame statistic (zone map) of a kind AT1_STAT_*. min and
   * max each point at min_size / max_size bytes; the host copies them.
   * Optional for the codec; the host may ignore names it does not know. */
  at1_status (*put_stat)(void *ctx, const char *name, uint32_t kind, const void *min,
                         size_t min_size, const void *max, size_t max_size);

  /* Reads a codec option given by the user (CLI `--option key=value` or the
   * config file), or NULL when unset. The string lives until encode returns.
   * Decode never sees options: anything decode needs goes into a stream. */
  const char *(*get_option)(void *ctx, const char *key);

  /* Sets a short reason for a non-OK return (copied by the host). */
  void (*set_error)(void *ctx, const char *message);
} at1_encode_host;

/* Services the host offers to decode().               since 1.0, grown in 1.1 */
typedef struct at1_decode_host {
  uint32_t struct_size; /* sizeof(at1_decode_host) as the host built it */
  uint32_t reserved;    /* zero */
  void *ctx;            /* pass back as the first argument of each callback */

  /* Finds a stream written by encode. On AT1_OK, *data / *size describe
   * host-owned bytes (valid until decode returns; *data may be NULL when
   * *size is 0). Returns AT1_E_NOT_FOUND when the frame has no such stream. */
  at1_status (*get_stream)(void *ctx, const char *name, const uint8_t **data, size_t *size);

  /* Appends bytes to the frame's output. The host copies them; it may reject
   * output beyond the frame's raw_size with AT1_E_HOST (treat as fatal). */
  at1_status (*write)(void *ctx, const uint8_t *data, size_t size);

  /* Sets a short reason for a non-OK return (copied by the host). */
  void (*set_error)(void *ctx, const char *message);

  /* since 1.1 — check struct_size before using these two; NULL is allowed.
   * Zero-copy output: reserve() returns host memory with room for at least
   * min_room bytes (min_room <= AT1_RESERVE_MAX) and sets *room to how many
   * bytes may be written there (>= min_room); NULL when the host refuses.
   * commit(size) appends the first `size` bytes written there to the frame's
   * output and ends the reservation (size <= *room). Output past the frame's
   * raw_size is refused with AT1_E_HOST. Any write() or reserve() call ends
   * an uncommitted reservation, whose bytes are dropped. */
  uint8_t *(*reserve)(void *ctx, size_t min_room, size_t *room);
  at1_status (*commit)(void *ctx, size_t size);
} at1_decode_host;

/* Largest min_room a codec may ask of reserve().                    since 1.1 */
#define AT1_RESERVE_MAX ((size_t)1 << 16)

/* A codec. Returned by the plugin entry (at1/plugin.h); lives as long as the
 * shared object stays loaded. Grows only at the end.               since 1.0 */
typedef struct at1_codec {
  uint32_t struct_size;    /* sizeof(at1_codec) as the plugin built it */
  uint32_t format_version; /* version of this codec's stream layout: bump it
                              on any change old decoders cannot read */
  uint32_t min_format_version; /* oldest layout this build still decodes */
  uint32_t reserved;       /* zero */
  const char *name;        /* the domain name users type: [a-z0-9_-]{1,31};
                              permanent, it is written into every archive */
  const char *description; /* one line for `at1 plugins` */
  uint64_t capabilities;   /* AT1_CAP_* bits */

  /* Scores how well the sample (the start of an input, whole lines) fits this
   * codec: 0 = not at all, 100 = certainly. Must be cheap. NULL unless
   * AT1_CAP_PROBE. [thread-safe] */
  int32_t (*probe)(const uint8_t *sample, size_t size);

  /* Encodes one frame: input holds info->raw_size bytes of whole lines (the
   * last line may lack its terminator only in the last frame of a file).
   * Emits streams with host->put_stream. Return AT1_E_UNSUPPORTED to let the
   * host store the chunk raw. [thread-safe] */
  at1_status (*encode)(const at1_encode_host *host, const at1_frame_info *info,
                       const uint8_t *input, size_t size);

  /* Decodes one frame: reads streams with host->get_stream and writes exactly
   * info->raw_size bytes with host->write. The streams may be hostile
   * (corrupt files): check every length, never read out of bounds, never
   * loop without progress; return AT1_E_CORRUPT. [thread-safe] */
  at1_status (*decode)(const at1_decode_host *host, const at1_frame_info *info);
} at1_codec;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* AT1_CODEC_H */
