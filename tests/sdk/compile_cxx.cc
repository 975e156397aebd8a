// The SDK headers, C ABI and C++ helpers, compile as strict C++17 and C++20.
#include "at1/codec.h"
#include "at1/cpp/bytes.hpp"
#include "at1/cpp/codec.hpp"
#include "at1/cpp/lines.hpp"
#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"
#include "at1/status.h"

int at1_sdk_compile_cxx_probe();
int at1_sdk_compile_cxx_probe() { return static_cast<int>(sizeof(at1_plugin) + sizeof(at1::sdk::ByteWriter)); }
