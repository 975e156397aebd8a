// The table of builtin sshd templates (builtin_templates.cc), escaped form.
#ifndef AT1_SSH_BUILTIN_PATTERNS_HPP
#define AT1_SSH_BUILTIN_PATTERNS_HPP

#include <cstddef>

namespace at1::ssh {

extern const char* const kBuiltinPatterns[];
extern const size_t kBuiltinCount;

}  // namespace at1::ssh

#endif  // AT1_SSH_BUILTIN_PATTERNS_HPP
