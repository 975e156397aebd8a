/*
 * at1/plugin.h — the entry point of an at1 plugin (a shared object).
 *
 * Part of the at1 plugin SDK (C ABI). Compiles as C11 and C++17/20.
 * Full contract: docs/plugin-abi.md.
 *
 * A plugin exports exactly one symbol, AT1_PLUGIN_ENTRY_SYMBOL, a function
 * returning a pointer to a static, immutable at1_plugin. The host reads its
 * first three fields (frozen forever) to decide whether it can use the rest:
 *
 *   abi_major != host's AT1_ABI_MAJOR  -> refused ("built for ABI 2, host speaks 1")
 *   abi_minor >  host's AT1_ABI_MINOR  -> accepted; the host ignores the fields
 *                                         it does not know (struct_size tells)
 *   abi_minor <  host's AT1_ABI_MINOR  -> accepted; the host does not read past
 *                                         struct_size
 *
 * Growth rule: within one major version, structs only grow at the end and
 * numeric values never change meaning. Removing or reordering anything is a
 * new major version.
 */
#ifndef AT1_PLUGIN_H
#define AT1_PLUGIN_H

#include <stdint.h>

#include "at1/codec.h"
#include "at1/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ABI version this header describes.                               since 1.0 */
#define AT1_ABI_MAJOR 1
#define AT1_ABI_MINOR 1

#define AT1_PLUGIN_ENTRY_SYMBOL "at1_plugin_entry"

/* The plugin's descriptor. Static and immutable; valid while loaded. */
typedef struct at1_plugin {
  /* --- frozen for all ABI versions --- */
  uint32_t abi_major;   /* AT1_ABI_MAJOR the plugin was built with */
  uint32_t abi_minor;   /* AT1_ABI_MINOR the plugin was built with */
  uint32_t struct_size; /* sizeof(at1_plugin) as the plugin built it */
  uint32_t reserved;    /* zero */
  /* --- 1.0 --- */
  const char *plugin_name;    /* e.g. "at1-log" (for listings) */
  const char *plugin_version; /* e.g. "1.0.0" (for listings) */
  uint32_t codec_count;       /* number of codecs, 1..64 */
  uint32_t reserved2;         /* zero */
  /* Returns codec i (0 <= i < codec_count), or NULL. [thread-safe] */
  const at1_codec *(*get_codec)(uint32_t index);
} at1_plugin;

/* Export decoration. Plugins are built with -fvisibility=hidden so that only
 * the entry symbol is visible. */
#if defined(_WIN32)
#define AT1_EXPORT __declspec(dllexport)
#else
#define AT1_EXPORT __attribute__((visibility("default")))
#endif

/* The one exported function. [thread-safe] */
typedef const at1_plugin *(*at1_plugin_entry_fn)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* AT1_PLUGIN_H */
