// A plugin built for a future ABI major: the host must refuse it by name.
#include "at1/plugin.h"

extern "C" AT1_EXPORT const at1_plugin* at1_plugin_entry(void) {
  static const at1_plugin p = {99, 0, sizeof(at1_plugin), 0, "abi-mismatch", "9.9.9", 1, 0, nullptr};
  return &p;
}
