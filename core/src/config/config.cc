#include "at1/config.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <set>

namespace at1 {
namespace {

Status CheckKeys(const YAML::Node& node, const std::string& where, const std::set<std::string>& allowed) {
  if (!node.IsMap()) return Status::InvalidArgument(where + " must be a mapping");
  for (const auto& kv : node) {
    std::string key = kv.first.as<std::string>();
    if (!allowed.count(key)) return Status::InvalidArgument("unknown key '" + key + "' in " + where);
  }
  return Status::OK();
}

template <class T>
void Read(const YAML::Node& node, const char* key, std::optional<T>* out) {
  if (node[key]) *out = node[key].as<T>();
}

}  // namespace

Result<Config> LoadConfigFile(const std::string& path) {
  Config c;
  c.source = path;
  try {
    YAML::Node root = YAML::LoadFile(path);
    if (root.IsNull()) return c;
    AT1_RETURN_IF_ERROR(CheckKeys(root, path, {"plugin_dirs", "compress", "decompress", "codecs"}));
    if (root["plugin_dirs"]) c.plugin_dirs = root["plugin_dirs"].as<std::vector<std::string>>();
    if (YAML::Node n = root["compress"]) {
      AT1_RETURN_IF_ERROR(CheckKeys(n, path + ": compress", {"backend", "level", "threads", "stream", "chunk_lines"}));
      Read(n, "backend", &c.compress.backend);
      Read(n, "level", &c.compress.level);
      Read(n, "threads", &c.compress.threads);
      Read(n, "stream", &c.compress.stream);
      Read(n, "chunk_lines", &c.compress.chunk_lines);
    }
    if (YAML::Node n = root["decompress"]) {
      AT1_RETURN_IF_ERROR(CheckKeys(n, path + ": decompress", {"threads", "max_frame_bytes", "io"}));
      Read(n, "threads", &c.decompress.threads);
      Read(n, "max_frame_bytes", &c.decompress.max_frame_bytes);
      Read(n, "io", &c.decompress.io);
    }
    if (YAML::Node n = root["codecs"]) {
      if (!n.IsMap()) return Status::InvalidArgument(path + ": codecs must be a mapping");
      for (const auto& kv : n) {
        std::string name = kv.first.as<std::string>();
        AT1_RETURN_IF_ERROR(CheckKeys(kv.second, path + ": codecs." + name, {"backend", "level", "options"}));
        CodecConfig cc;
        Read(kv.second, "backend", &cc.backend);
        Read(kv.second, "level", &cc.level);
        if (kv.second["options"]) cc.options = kv.second["options"].as<std::map<std::string, std::string>>();
        c.codecs[name] = std::move(cc);
      }
    }
  } catch (const YAML::BadFile&) {
    return Status::NotFound("config file '" + path + "' cannot be read");
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument("config file '" + path + "': " + e.what());
  }
  return c;
}

Result<Config> LoadConfig(const std::string& explicit_path) {
  if (!explicit_path.empty()) return LoadConfigFile(explicit_path);
  if (const char* env = std::getenv("AT1_CONFIG"); env && *env) return LoadConfigFile(env);
  if (const char* home = std::getenv("HOME")) {
    std::filesystem::path p = std::filesystem::path(home) / ".config" / "at1" / "config.yaml";
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) return LoadConfigFile(p.string());
  }
  return Config{};
}

}  // namespace at1
