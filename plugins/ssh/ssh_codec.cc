// The `ssh` codec: OpenSSH syslog / journal lines as header columns plus
// sshd message templates with typed slots. See README.md for the layout.
#include "ssh_codec.hpp"

#include "ssh_format.hpp"

namespace {

struct SshCodec {
  static constexpr const char* kName = "ssh";
  static constexpr const char* kDescription =
      "OpenSSH sshd logs (syslog or journal): header columns + sshd templates";
  static constexpr uint32_t kFormatVersion = at1::ssh::kFormatVersion;
  static constexpr uint32_t kMinFormatVersion = at1::ssh::kFormatVersion;
  static constexpr uint64_t kCapabilities = AT1_CAP_PROBE | AT1_CAP_STATS;

  static int32_t probe(at1::sdk::Bytes sample) { return at1::ssh::probe_sample(sample); }
  static void encode(at1::sdk::EncodeContext& ctx, at1::sdk::Bytes input) {
    at1::ssh::encode_frame(ctx, input);
  }
  static void decode(at1::sdk::DecodeContext& ctx) { at1::ssh::decode_frame(ctx); }
};

}  // namespace

AT1_PLUGIN("at1-ssh", "1.0.0", SshCodec)
