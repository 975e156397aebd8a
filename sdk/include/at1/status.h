/*
 * at1/status.h — status codes crossing the plugin ABI.
 *
 * Part of the at1 plugin SDK (C ABI). Compiles as C11 and C++17/20.
 *
 * The numeric values are PINNED: they are part of the ABI and never change.
 * New codes may be added (with new numbers) in a minor ABI version; a host
 * treats an unknown non-zero code like AT1_E_INTERNAL.            since 1.0
 */
#ifndef AT1_STATUS_H
#define AT1_STATUS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t at1_status;

/* Success. */
#define AT1_OK 0
/* A caller passed something invalid (bad option value, NULL pointer). */
#define AT1_E_INVALID 1
/* decode: the streams handed to the codec are malformed or inconsistent.
 * The host reports the frame as corrupt. */
#define AT1_E_CORRUPT 2
/* encode: this chunk cannot be modelled by the codec. Not an error for the
 * user: the host stores the frame raw-compressed and counts a fallback. */
#define AT1_E_UNSUPPORTED 3
/* An allocation failed. */
#define AT1_E_NOMEM 4
/* A configured or structural limit was exceeded (e.g. too many streams). */
#define AT1_E_LIMIT 5
/* A host callback returned an error; the codec must stop and return it. */
#define AT1_E_HOST 6
/* decode: a stream the codec asked for is not in the frame. */
#define AT1_E_NOT_FOUND 7
/* A bug or an unexpected condition inside the codec (includes a C++
 * exception caught at the boundary by the SDK helpers). */
#define AT1_E_INTERNAL 8

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* AT1_STATUS_H */
