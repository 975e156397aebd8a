/*
 * A minimal at1 codec in plain C11, using only the C ABI (no C++ helpers).
 *
 * Codec "minimal": splits each frame into the bytes that are digits and the
 * rest, so the backend sees two more uniform streams. Small, but real: it
 * round trips any input exactly and shows encode, decode, error reporting and
 * the entry point a plugin must export.
 *
 * Streams: "mask"   one byte per input byte: 1 = digit, 0 = other
 *          "digits" the digit bytes, in order
 *          "other"  the other bytes, in order
 */
#include <stdlib.h>
#include <string.h>

#include "at1/plugin.h"

static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

static at1_status encode(const at1_encode_host *host, const at1_frame_info *info, const uint8_t *in, size_t n) {
  (void)info;
  uint8_t *mask = malloc(n ? n : 1), *digits = malloc(n ? n : 1), *other = malloc(n ? n : 1);
  size_t nd = 0, no = 0, i;
  at1_status s = AT1_E_NOMEM;
  if (mask && digits && other) {
    for (i = 0; i < n; ++i) {
      mask[i] = (uint8_t)is_digit(in[i]);
      if (mask[i]) digits[nd++] = in[i];
      else other[no++] = in[i];
    }
    s = host->put_stream(host->ctx, "mask", mask, n);
    if (s == AT1_OK) s = host->put_stream(host->ctx, "digits", digits, nd);
    if (s == AT1_OK) s = host->put_stream(host->ctx, "other", other, no);
  }
  free(mask);
  free(digits);
  free(other);
  return s;
}

static at1_status decode(const at1_decode_host *host, const at1_frame_info *info) {
  const uint8_t *mask, *digits, *other;
  size_t nm, nd, no, i, di = 0, oi = 0;
  if (host->get_stream(host->ctx, "mask", &mask, &nm) != AT1_OK ||
      host->get_stream(host->ctx, "digits", &digits, &nd) != AT1_OK ||
      host->get_stream(host->ctx, "other", &other, &no) != AT1_OK) {
    host->set_error(host->ctx, "minimal: a stream is missing");
    return AT1_E_CORRUPT;
  }
  if (nm != info->raw_size || nd + no != nm) {
    host->set_error(host->ctx, "minimal: stream sizes disagree");
    return AT1_E_CORRUPT;
  }
  for (i = 0; i < nm; ++i) {
    const uint8_t *byte;
    if (mask[i] == 1 && di < nd) byte = &digits[di++];
    else if (mask[i] == 0 && oi < no) byte = &other[oi++];
    else {
      host->set_error(host->ctx, "minimal: bad mask");
      return AT1_E_CORRUPT;
    }
    if (host->write(host->ctx, byte, 1) != AT1_OK) return AT1_E_HOST;
  }
  return AT1_OK;
}

static const at1_codec kCodec = {
    sizeof(at1_codec), 1, 1, 0, "minimal", "example plugin: digits apart from the rest", 0, NULL, encode, decode,
};

static const at1_codec *get_codec(uint32_t index) { return index == 0 ? &kCodec : NULL; }

AT1_EXPORT const at1_plugin *at1_plugin_entry(void) {
  static const at1_plugin kPlugin = {AT1_ABI_MAJOR, AT1_ABI_MINOR, sizeof(at1_plugin), 0,
                                     "at1-minimal", "1.0.0", 1, 0, get_codec};
  return &kPlugin;
}
