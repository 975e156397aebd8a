// Checks of a plugin's descriptors before the host trusts them.
#ifndef AT1_PLUGIN_VALIDATE_H
#define AT1_PLUGIN_VALIDATE_H

#include <string>

#include "at1/plugin.h"

namespace at1::plugin {

// Empty when `p` is usable by this host, else the reason it is not.
std::string ValidatePlugin(const at1_plugin* p);
std::string ValidateCodec(const at1_codec* c);

}  // namespace at1::plugin

#endif  // AT1_PLUGIN_VALIDATE_H
