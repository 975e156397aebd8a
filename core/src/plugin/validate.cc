#include "plugin/validate.h"

#include <cstddef>
#include <cstring>

namespace at1::plugin {

std::string ValidatePlugin(const at1_plugin* p) {
  if (!p) return "entry returned no descriptor";
  if (p->abi_major != AT1_ABI_MAJOR)
    return "built for plugin ABI " + std::to_string(p->abi_major) + "." + std::to_string(p->abi_minor) +
           ", this at1 speaks ABI " + std::to_string(AT1_ABI_MAJOR) + "." + std::to_string(AT1_ABI_MINOR);
  // Every field up to get_codec exists since 1.0.
  if (p->struct_size < offsetof(at1_plugin, get_codec) + sizeof(p->get_codec))
    return "plugin descriptor too small (" + std::to_string(p->struct_size) + " bytes)";
  if (p->reserved != 0 || p->reserved2 != 0) return "plugin descriptor has reserved fields set";
  if (!p->get_codec) return "plugin has no get_codec function";
  if (p->codec_count == 0 || p->codec_count > 64)
    return "plugin declares " + std::to_string(p->codec_count) + " codecs (1..64 allowed)";
  return {};
}

std::string ValidateCodec(const at1_codec* c) {
  if (!c) return "descriptor missing";
  if (c->struct_size < offsetof(at1_codec, decode) + sizeof(c->decode)) return "codec descriptor too small";
  if (!c->name) return "codec has no name";
  size_t n = std::strlen(c->name);
  if (n == 0 || n > 31) return "codec name must be 1..31 characters";
  for (size_t i = 0; i < n; ++i) {
    char ch = c->name[i];
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
      return std::string("codec name '") + c->name + "' has characters outside [a-z0-9_-]";
  }
  if (std::strcmp(c->name, "raw") == 0 || std::strcmp(c->name, "auto") == 0)
    return std::string("codec name '") + c->name + "' is reserved by the host";
  if (!c->encode || !c->decode) return std::string("codec '") + c->name + "' lacks encode or decode";
  if ((c->capabilities & AT1_CAP_PROBE) && !c->probe)
    return std::string("codec '") + c->name + "' claims probe but has none";
  if (c->min_format_version > c->format_version)
    return std::string("codec '") + c->name + "' has min_format_version above format_version";
  if (c->reserved != 0) return std::string("codec '") + c->name + "' has reserved fields set";
  return {};
}

}  // namespace at1::plugin
