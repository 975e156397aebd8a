# Warnings on for every target of ours; -Werror when AT1_WERROR is set.
function(at1_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  # GCC 12 at -O3 reports impossible overlaps inside std::string's own
  # memcpy (GCC bug 105329, a false positive in libstdc++ code, not ours).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(AT1_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
