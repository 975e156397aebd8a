/* The C ABI headers compile as strict C11 (see CMakeLists.txt). */
#include "at1/codec.h"
#include "at1/plugin.h"
#include "at1/status.h"

int at1_sdk_compile_c11_probe(void);
int at1_sdk_compile_c11_probe(void) { return (int)sizeof(at1_plugin) + (int)sizeof(at1_codec) + AT1_OK; }
