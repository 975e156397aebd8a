#include "at1/plugin_host.h"

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "at1/plugin.h"
#include "plugin/validate.h"

#ifndef AT1_INSTALL_PLUGIN_DIR
#define AT1_INSTALL_PLUGIN_DIR "/usr/local/lib/at1/plugins"
#endif

namespace at1 {

namespace fs = std::filesystem;

struct PluginHost::Impl {
  std::vector<boost::dll::shared_library> libraries;  // keep loaded while codecs are in use
  std::vector<CodecInfo> codecs;
  std::vector<PluginProblem> problems;
  std::vector<std::string> searched;
};

PluginHost::PluginHost() : impl_(std::make_unique<Impl>()) {}
PluginHost::~PluginHost() = default;
PluginHost::PluginHost(PluginHost&&) noexcept = default;
PluginHost& PluginHost::operator=(PluginHost&&) noexcept = default;

PluginHost PluginHost::LoadFrom(const std::vector<std::string>& dirs) {
  PluginHost host;
  for (const std::string& dir : dirs) {
    host.impl_->searched.push_back(dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const fs::path& p = entry.path();
      if (entry.is_regular_file(ec) && p.extension() == ".so") files.push_back(p);
    }
    std::sort(files.begin(), files.end());  // deterministic order
    for (const fs::path& p : files) (void)host.LoadFile(p.string());
  }
  return host;
}

Status PluginHost::LoadFile(const std::string& path) {
  auto reject = [&](const std::string& reason) {
    impl_->problems.push_back({path, reason});
    return Status::PluginError(path + ": " + reason);
  };
  boost::dll::shared_library lib;
  try {
    // RTLD_LOCAL: plugins' symbols never leak into each other or the host.
    lib.load(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    return reject(std::string("cannot load: ") + e.what());
  }
  if (!lib.has(AT1_PLUGIN_ENTRY_SYMBOL))
    return reject("not an at1 plugin (no " AT1_PLUGIN_ENTRY_SYMBOL " symbol)");
  auto entry = lib.get<const at1_plugin*()>(AT1_PLUGIN_ENTRY_SYMBOL);
  const at1_plugin* plugin = entry();
  std::string why = plugin::ValidatePlugin(plugin);
  if (!why.empty()) return reject(why);

  for (uint32_t i = 0; i < plugin->codec_count; ++i) {
    const at1_codec* codec = plugin->get_codec(i);
    std::string codec_why = plugin::ValidateCodec(codec);
    if (!codec_why.empty()) return reject("codec " + std::to_string(i) + ": " + codec_why);
    if (const CodecInfo* existing = Find(codec->name)) {
      impl_->problems.push_back({path, std::string("codec '") + codec->name + "' already provided by " +
                                           existing->plugin_path + " (this copy is ignored)"});
      continue;
    }
    CodecInfo info;
    info.codec = codec;
    info.name = codec->name;
    info.description = codec->description ? codec->description : "";
    info.format_version = codec->format_version;
    info.min_format_version = codec->min_format_version;
    info.plugin_path = path;
    info.plugin_name = plugin->plugin_name ? plugin->plugin_name : "";
    info.plugin_version = plugin->plugin_version ? plugin->plugin_version : "";
    info.abi_major = plugin->abi_major;
    info.abi_minor = plugin->abi_minor;
    impl_->codecs.push_back(std::move(info));
  }
  impl_->libraries.push_back(std::move(lib));
  return Status::OK();
}

const CodecInfo* PluginHost::Find(const std::string& name) const {
  for (const CodecInfo& c : impl_->codecs)
    if (c.name == name) return &c;
  return nullptr;
}
const std::vector<CodecInfo>& PluginHost::codecs() const { return impl_->codecs; }
const std::vector<PluginProblem>& PluginHost::problems() const { return impl_->problems; }
const std::vector<std::string>& PluginHost::searched_dirs() const { return impl_->searched; }

Status PluginHost::CodecNotFound(const std::string& name) const {
  std::string msg = "no plugin provides codec '" + name + "'; searched:";
  if (impl_->searched.empty()) msg += " (no plugin directories)";
  for (const std::string& d : impl_->searched) msg += " " + d;
  if (!impl_->codecs.empty()) {
    msg += "; available:";
    for (const CodecInfo& c : impl_->codecs) msg += " " + c.name;
  }
  for (const PluginProblem& p : impl_->problems) msg += "; rejected " + p.path + " (" + p.reason + ")";
  return Status::NotSupported(msg);
}

std::vector<std::string> PluginSearchPath(const std::vector<std::string>& cli_dirs,
                                          const std::vector<std::string>& config_dirs) {
  std::vector<std::string> dirs = cli_dirs;
  if (const char* env = std::getenv("AT1_PLUGIN_PATH")) {
    std::string s = env;
    size_t start = 0;
    while (start <= s.size()) {
      size_t colon = s.find(':', start);
      if (colon == std::string::npos) colon = s.size();
      if (colon > start) dirs.push_back(s.substr(start, colon - start));
      start = colon + 1;
    }
  }
  dirs.insert(dirs.end(), config_dirs.begin(), config_dirs.end());
  dirs.push_back(AT1_INSTALL_PLUGIN_DIR);
  try {
    // build/bin/at1 finds build/plugins; an install finds <prefix>/lib/at1/plugins.
    fs::path exe_dir = boost::dll::program_location().parent_path().string();
    dirs.push_back((exe_dir.parent_path() / "plugins").string());
    dirs.push_back((exe_dir.parent_path() / "lib" / "at1" / "plugins").string());
  } catch (...) {
  }
  // Drop repeats, keeping the first position.
  std::vector<std::string> unique;
  for (const std::string& d : dirs) {
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(d, ec);
    std::string key = ec ? d : canon.string();
    bool seen = false;
    for (const std::string& u : unique) {
      fs::path c2 = fs::weakly_canonical(u, ec);
      if ((ec ? u : c2.string()) == key) seen = true;
    }
    if (!seen) unique.push_back(d);
  }
  return unique;
}

}  // namespace at1
