// A plugin whose descriptor is malformed (no codecs, reserved field set).
#include "at1/plugin.h"

extern "C" AT1_EXPORT const at1_plugin* at1_plugin_entry(void) {
  static const at1_plugin p = {AT1_ABI_MAJOR, AT1_ABI_MINOR, sizeof(at1_plugin), 7, "bad-descriptor", "1.0", 0, 0,
                               nullptr};
  return &p;
}
