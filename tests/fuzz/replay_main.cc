// Replay driver for fuzz targets when libFuzzer is not in use (the normal
// ctest build). It feeds LLVMFuzzerTestOneInput:
//   1. every seed the target registers through at1_fuzz_seeds(),
//   2. deterministic mutations of each seed (byte flips, truncations,
//      insertions, splices), a few thousand in all,
//   3. any files named on the command line (crash reproducers).
// With `--dump-seeds DIR` it only writes the seeds (libFuzzer's start corpus).
// A crash, sanitizer report or hang fails the test; the fuzzer proper (clang,
// -DAT1_FUZZ=ON) explores further.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
// Implemented by each fuzz target: the seeds to mutate.
std::vector<std::string> at1_fuzz_seeds();

int main(int argc, char** argv) {
  std::vector<std::string> inputs = at1_fuzz_seeds();
  // `--dump-seeds DIR`: write the seeds as files, a starting corpus for libFuzzer.
  if (argc == 3 && std::string(argv[1]) == "--dump-seeds") {
    for (size_t i = 0; i < inputs.size(); ++i) {
      std::ofstream f(std::string(argv[2]) + "/seed-" + std::to_string(i), std::ios::binary);
      f.write(inputs[i].data(), static_cast<std::streamsize>(inputs[i].size()));
    }
    std::printf("wrote %zu seeds to %s\n", inputs.size(), argv[2]);
    return 0;
  }
  for (int i = 1; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    inputs.push_back(ss.str());
  }
  std::mt19937_64 rng(0xa71);
  size_t runs = 0;
  auto run = [&](const std::string& s) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    ++runs;
  };
  const size_t seeds = inputs.size();
  for (size_t i = 0; i < seeds; ++i) {
    const std::string& seed = inputs[i];
    run(seed);
    const int per_seed = static_cast<int>(4000 / (seeds ? seeds : 1)) + 50;
    for (int m = 0; m < per_seed; ++m) {
      std::string s = seed;
      int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !s.empty(); ++e) {
        size_t at = rng() % s.size();
        switch (rng() % 5) {
          case 0: s[at] = static_cast<char>(s[at] ^ (1 << (rng() % 8))); break;
          case 1: s[at] = static_cast<char>(rng()); break;
          case 2: s.resize(at); break;
          case 3: s.insert(at, 1 + rng() % 8, static_cast<char>(rng())); break;
          case 4: {
            const std::string& other = inputs[rng() % seeds];
            size_t from = other.empty() ? 0 : rng() % other.size();
            s.replace(at, rng() % 64, other.substr(from, rng() % 64));
            break;
          }
        }
      }
      run(s);
    }
  }
  std::printf("replayed %zu fuzz inputs from %zu seeds without a crash\n", runs, seeds);
  return 0;
}
