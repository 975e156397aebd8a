# AT1_SANITIZE=ON builds everything with ASan + UBSan; CI runs the tests so.
if(AT1_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# AT1_FUZZ=ON (clang): everything gets libFuzzer's coverage instrumentation
# and ASan/UBSan, so the fuzzer sees into the core and the codecs; only the
# fuzz targets link libFuzzer's main (tests/CMakeLists.txt, at1_add_fuzz).
if(AT1_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
