// at1/plugin_host.h — finds, checks and loads codec plugins (shared objects
// built against the SDK's C ABI) with Boost.DLL.
//
// Search order (first hit of a codec name wins; later ones are reported as
// shadowed duplicates): --plugin-dir (in order), AT1_PLUGIN_PATH (':'
// separated), the config file's plugin_dirs, then the install default and the
// `plugins` folder beside the at1 binary's folder.
//
// A file that is not a loadable at1 plugin (no entry symbol, other ABI major,
// malformed descriptor) is never fatal for the host: it is listed as a
// problem with the reason, and other plugins still load.
#ifndef AT1_PLUGIN_HOST_HPP
#define AT1_PLUGIN_HOST_HPP

#include <memory>
#include <string>
#include <vector>

#include "at1/result.h"

struct at1_codec;

namespace at1 {

struct CodecInfo {
  const at1_codec* codec = nullptr;  // valid while the PluginHost lives
  std::string name;
  std::string description;
  uint32_t format_version = 0;
  uint32_t min_format_version = 0;
  std::string plugin_path;
  std::string plugin_name;
  std::string plugin_version;
  uint32_t abi_major = 0, abi_minor = 0;
};

struct PluginProblem {
  std::string path;
  std::string reason;
};

class PluginHost {
 public:
  PluginHost();
  ~PluginHost();
  PluginHost(PluginHost&&) noexcept;
  PluginHost& operator=(PluginHost&&) noexcept;

  // Loads every shared object (*.so) in `dirs`, in order. Missing directories
  // are remembered (they appear in "searched" lists) but are not an error.
  static PluginHost LoadFrom(const std::vector<std::string>& dirs);

  // Loads one shared object; problems are recorded and returned.
  Status LoadFile(const std::string& path);

  const CodecInfo* Find(const std::string& name) const;
  const std::vector<CodecInfo>& codecs() const;
  const std::vector<PluginProblem>& problems() const;
  const std::vector<std::string>& searched_dirs() const;

  // NotSupported naming the codec, the directories searched and any rejected files.
  Status CodecNotFound(const std::string& name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The plugin directories in search order, from the explicit ones, the
// environment, the config and the defaults.
std::vector<std::string> PluginSearchPath(const std::vector<std::string>& cli_dirs,
                                          const std::vector<std::string>& config_dirs);

}  // namespace at1

#endif  // AT1_PLUGIN_HOST_HPP
