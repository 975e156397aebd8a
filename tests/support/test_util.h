// Shared helpers for at1's tests: a private temporary directory per test,
// file I/O, the corpus location, and running the at1 binary.
#ifndef AT1_TESTS_SUPPORT_TEST_UTIL_H
#define AT1_TESTS_SUPPORT_TEST_UTIL_H

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace at1::testing {

namespace fs = std::filesystem;

// A fresh directory for one test, removed afterwards (parallel-ctest safe).
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "at1-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

// The shared corpus, or "" when this checkout has none (a user's clone).
inline std::string CorpusDir() {
  std::error_code ec;
  return fs::is_directory(AT1_CORPUS_DIR, ec) ? std::string(AT1_CORPUS_DIR) : std::string();
}

#define AT1_REQUIRE_CORPUS()                                                                          \
  do {                                                                                                \
    if (::at1::testing::CorpusDir().empty())                                                          \
      GTEST_SKIP() << "shared corpus not found at " AT1_CORPUS_DIR                                    \
                      " (it sits beside the checkout as ../shared/corpus; CI requires it)";           \
  } while (0)

// Every regular file of a corpus domain folder, sorted.
inline std::vector<std::string> CorpusFiles(const std::string& domain) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::path(CorpusDir()) / domain, ec))
    if (e.is_regular_file()) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

struct CommandResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string out, err;
};

// Runs argv with stdout/stderr captured to files; stdin from /dev/null or a file.
inline CommandResult Run(const std::vector<std::string>& argv, const std::string& stdin_path = "/dev/null") {
  TempDir tmp;
  std::string out = tmp.file("out"), err = tmp.file("err");
  pid_t pid = ::fork();
  if (pid == 0) {
    if (!std::freopen(stdin_path.c_str(), "rb", stdin) || !std::freopen(out.c_str(), "wb", stdout) ||
        !std::freopen(err.c_str(), "wb", stderr))
      _exit(127);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

}  // namespace at1::testing

#endif  // AT1_TESTS_SUPPORT_TEST_UTIL_H
